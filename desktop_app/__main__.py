"""``python -m desktop_app``: the desktop client; with a sub-command, the CLI."""

from __future__ import annotations

import sys


def run() -> int:
    argv = sys.argv[1:]
    if (argv and not argv[0].startswith("-")) or any(a in ("--help", "-h", "--version") for a in argv[:1]):
        from desktop_app.cli import main

        return main(argv)
    from desktop_app.app import main as gui_main

    return int(gui_main(argv))


if __name__ == "__main__":
    sys.exit(run())
