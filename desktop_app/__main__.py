"""``python -m desktop_app``: the desktop client; with a sub-command, the CLI; ``--version`` and
``--self-test`` (see selftest.py) for installers and support."""

from __future__ import annotations

import sys


def run() -> int:
    argv = sys.argv[1:]
    if argv[:1] == ["--version"]:
        from desktop_app.about import about_text

        print(about_text())
        return 0
    if argv[:1] == ["--self-test"]:
        from desktop_app import selftest

        return selftest.run()
    if (argv and not argv[0].startswith("-")) or any(a in ("--help", "-h", "--version") for a in argv[:1]):
        from desktop_app.cli import main

        return main(argv)
    from desktop_app.app import main as gui_main

    return int(gui_main(argv))


if __name__ == "__main__":
    sys.exit(run())
