"""`make dev`: a live-reloading server for writing content, rebuilt on any source change.

`mkdocs serve` rebuilds when docs/ or mkdocs.yml change, and when what mkdocs.yml's `watch:`
lists changes (snippets/, README.md, the theme folder with the front-end assets). It cannot pick
up edited build code: Python imports each hook and the build library once per process. So this
script runs `mkdocs serve` and starts it afresh whenever a file in overrides/hooks/ or
overrides/course_build/ changes; the open page reloads itself once the new server answers
(MkDocs' livereload reconnects).
"""

import argparse
import signal
import subprocess
import sys
import time
from pathlib import Path

BUILD_CODE = [Path("overrides/hooks"), Path("overrides/course_build")]
POLL_SECONDS = 0.5


def build_code_state(folders):
    """What changes when a hook or a module of the build library is edited, added or removed."""
    return sorted((str(path), path.stat().st_mtime_ns)
                  for folder in folders for path in folder.glob("*.py"))  # fmt: skip


def serve(address):
    command = [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", address]
    return subprocess.Popen(command)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", help="host:port to serve at")
    args = parser.parse_args()
    # Stopped by a signal (a test, a process manager), stop the server too, not only on Ctrl+C.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    server = serve(args.dev_addr)
    seen = build_code_state(BUILD_CODE)
    try:
        while True:
            time.sleep(POLL_SECONDS)
            if build_code_state(BUILD_CODE) != seen:
                seen = build_code_state(BUILD_CODE)
                print("The build's code changed: restarting the server.", flush=True)
                server.terminate()
                server.wait()
                server = serve(args.dev_addr)
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
