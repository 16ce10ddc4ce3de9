"""What a static host needs beyond the files: _headers and the offline service worker's
manifest, describing every file the other hooks wrote (so it runs last).
Logic: course_build/static_host.py."""

from pathlib import Path

from course_build import static_host


def on_post_build(config):
    static_host.write_host_files(Path(config["site_dir"]))
