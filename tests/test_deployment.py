"""The GitHub Pages workflow builds with a make target that exists and publishes site/."""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def steps():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def test_pages_workflow_builds_for_the_pages_url_and_publishes_the_site():
    build = next(step for step in steps() if step.get("run") == "make build")
    assert "steps.pages.outputs.base_url" in build["env"]["SITE_URL"]
    upload = next(s for s in steps() if s.get("uses", "").startswith("actions/upload-pages"))
    assert upload["with"]["path"] == "site"
    assert "\nbuild: " in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_pages_workflow_uses_the_pinned_python():
    setup = next(s for s in steps() if s.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["python-version-file"] == ".python-version"
