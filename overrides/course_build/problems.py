"""How the build stops on a contributor's mistake: every problem found, each on a line of its
own and starting with docs/<page>.md:<line>, under one heading."""

from mkdocs.exceptions import PluginError


def fail_on(problems, heading):
    """Stop the build if there are problems ("Exercise problem(s)" above the list)."""
    if problems:
        raise PluginError(f"{heading}:\n  " + "\n  ".join(problems))
