"""Building the course, or a throw-away copy of it, as the tests do: `mkdocs build --strict` in a
process of its own, with the copy's own build library (overrides/course_build/) imported."""

import os
import subprocess
import sys
from pathlib import Path


def project_environment(project_dir, **variables):
    """The environment a process working on `project_dir` needs: its own build library first
    on the import path (uv installs the one of the checkout it ran in), and `variables`."""
    library = str(Path(project_dir) / "overrides")
    python_path = os.pathsep.join([library, os.environ.get("PYTHONPATH", "")])
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": python_path, **variables}


def build_site(project_dir, site_dir, site_url="http://127.0.0.1:8000/"):
    """Run `mkdocs build --strict`; return the completed process (never raises)."""
    env = project_environment(project_dir, SITE_URL=site_url)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project_dir,
        env=env,
        capture_output=True,
        text=True,
    )
