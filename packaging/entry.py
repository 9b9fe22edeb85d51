"""Entry point of the bundled application (see build.spec): the same routing as
``python -m desktop_app`` — no argument or an archive path opens the desktop client; a
sub-command runs the CLI; ``--version`` and ``--self-test`` are for installers and support."""

import sys

from desktop_app.__main__ import run

if __name__ == "__main__":
    sys.exit(run())
