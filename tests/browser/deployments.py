"""A copy of the built site on a port of its own, for tests that stop its server or deploy a
second build to the same origin (offline use, memory snapshots)."""

import shutil

import pytest
from course_build.static_host import read_build_manifest
from serve_site import make_server


class Deployment:
    """A copy of the built site served on its own port, which a test can stop or redeploy."""

    def __init__(self, site_dir, target, with_headers=True):
        self.directory = target
        shutil.copytree(site_dir, target)
        self.server = make_server(target, port=0, with_headers=with_headers)
        self.url = self.server.start_in_background()

    def manifest(self):
        """The BUILD manifest the hook wrote into this deploy's service worker."""
        return read_build_manifest(self.directory / "service-worker.js")

    def cache_name(self):
        return "mlops-course-" + self.manifest()["version"]

    def replace_with(self, site_dir):
        shutil.rmtree(self.directory)
        shutil.copytree(site_dir, self.directory)

    def stop(self):
        self.server.stop()  # connections are refused from now on, like a server that is gone


@pytest.fixture
def deployment(served_site, tmp_path):
    deployed = Deployment(served_site[0], tmp_path / "deployed")
    yield deployed
    deployed.stop()


@pytest.fixture
def deployed_page(page, deployment):
    page.requests.origin = deployment.url.rstrip("/")
    return page


@pytest.fixture
def second_build(project_copy, mkdocs_build, tmp_path):
    """build(site_url) -> a new build of the course (its home page edited), for that URL."""

    def build(site_url):
        project = project_copy()
        home = project / "docs" / "index.md"
        home.write_text(home.read_text(encoding="utf-8") + "\nFresh from the new deploy.\n")
        result = mkdocs_build(project, tmp_path / "next", site_url=site_url)
        assert result.returncode == 0, result.stderr
        return tmp_path / "next"

    return build
