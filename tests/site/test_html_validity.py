"""Every built page is valid HTML, as the Nu HTML Checker (the W3C validator, from npm's vnu-jar)
reads it. Errors only: its remaining notes are about Material's `<meta ... />` style."""

import json
import shutil
import subprocess
from pathlib import Path

NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_is_valid_html(built_site):
    java = shutil.which("java")
    assert java, "Java is missing: run `make java` (apt-get install default-jre-headless)"
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html",
         str(built_site)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    start = result.stderr.find("{")  # Java may print a warning first
    assert start >= 0, f"the validator printed no report:\n{result.stdout}\n{result.stderr}"
    messages = json.loads(result.stderr[start:])["messages"]
    errors = [
        f"{m['url'].split(str(built_site), 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
    ]
    assert errors == []
