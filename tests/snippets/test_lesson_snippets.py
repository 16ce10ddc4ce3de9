"""Every example in snippets/lessons/ runs alone, prints what it should, and is on a page.

(The snippets' own tests are collected by pytest directly from snippets/.)
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config
from snippet_includes import INCLUDE, find_broken_includes

ROOT = Path(__file__).resolve().parents[2]
SNIPPETS = ROOT / "snippets"
DOCS = ROOT / "docs"
SNIPPETS_CONFIG = load_config(str(ROOT / "mkdocs.yml"))["mdx_configs"]["pymdownx.snippets"]
BASE_PATHS = [ROOT / path for path in SNIPPETS_CONFIG["base_path"]]
LESSON_2 = "lessons/mlops_vs_devops"

# What each example must print when run as a script: a contributor adding a snippet adds a line.
EXPECTED_OUTPUT = {
    f"{LESSON_2}/deterministic_code.py": "add(2, 3) called 1000 times -> distinct results: {5}",
    f"{LESSON_2}/test_traditional.py": "test_add and test_api passed",
    f"{LESSON_2}/test_data_quality.py": "passed on 60 rows: ages 18-66, mean 38.4, no nulls",
    f"{LESSON_2}/test_model_performance.py": "accuracy 1.000 on 30 reviews (threshold 0.90, "
    "previous release 0.967)",
    f"{LESSON_2}/test_behavioral.py": "0.889  This movie is grate!",
    f"{LESSON_2}/test_integration.py": "-> P(positive) = 0.960",
    f"{LESSON_2}/test_sentiment_model.py": "predict('great')=0.889  predict('bad')=0.167  "
    "predict('grate')=0.889",
}

EXAMPLES = sorted(
    path.relative_to(SNIPPETS).as_posix() for path in SNIPPETS.glob("lessons/**/*.py")
)


def page_includes():
    """(page, target) for every `--8<--` include line in the docs."""
    for page in sorted(DOCS.rglob("*.md")):
        for line in page.read_text(encoding="utf-8").splitlines():
            match = INCLUDE.match(line)
            if match:
                yield page, match["target"]


def test_every_example_has_an_expected_output():
    assert sorted(EXPECTED_OUTPUT) == EXAMPLES


@pytest.mark.parametrize("example", EXAMPLES)
def test_example_runs_as_a_script(example):
    result = subprocess.run(
        [sys.executable, SNIPPETS / example], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert EXPECTED_OUTPUT[example] in result.stdout


@pytest.mark.parametrize("example", EXAMPLES)
def test_example_is_included_by_a_page(example):
    included = {target.partition(":")[0] for _, target in page_includes()}
    assert example in included, f"snippets/{example} is not included by any page in docs/"


@pytest.mark.parametrize("example", EXAMPLES)
def test_example_sections_are_balanced(example):
    text = (SNIPPETS / example).read_text(encoding="utf-8")
    starts = re.findall(r"--8<-- \[start:([\w-]+)\]", text)
    ends = re.findall(r"--8<-- \[end:([\w-]+)\]", text)
    assert starts and starts == ends


def test_every_include_in_the_docs_resolves():
    broken = [
        f"{page.relative_to(ROOT)}:{line}: {why}"
        for page in sorted(DOCS.rglob("*.md"))
        for line, why in find_broken_includes(page.read_text(encoding="utf-8"), BASE_PATHS)
    ]
    assert broken == []
    assert len(list(page_includes())) >= len(EXAMPLES)
