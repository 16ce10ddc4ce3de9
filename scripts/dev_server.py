"""`make dev`: a live-reloading server for writing content, rebuilt on any source change.

`mkdocs serve` rebuilds when docs/ or mkdocs.yml change, and when what mkdocs.yml's `watch:`
lists changes (snippets/, README.md, the theme folder with the front-end assets). It cannot pick
up an edited build hook: MkDocs imports each hook once per process. So this script runs
`mkdocs serve` and starts it afresh whenever a file in overrides/hooks/ changes; the open page
reloads itself once the new server answers (MkDocs' livereload reconnects).
"""

import argparse
import signal
import subprocess
import sys
import time
from pathlib import Path

HOOKS = Path("overrides/hooks")
POLL_SECONDS = 0.5


def hooks_state(folder):
    """What changes when a hook is edited, added or removed."""
    return sorted((path.name, path.stat().st_mtime_ns) for path in folder.glob("*.py"))


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
    seen = hooks_state(HOOKS)
    try:
        while True:
            time.sleep(POLL_SECONDS)
            if hooks_state(HOOKS) != seen:
                seen = hooks_state(HOOKS)
                print("A build hook changed: restarting the server.", flush=True)
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
