"""How this project launches Debian's Chromium (tests and benchmark share it)."""

CHROMIUM = "/usr/bin/chromium"
# Flags verified on this machine kind (../shared/notes/platform-facts.md): no sandbox as root,
# no GPU, and no background traffic to hosts this network cannot reach.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
