"""The ``integrity-files`` command: the same services as the GUI, from a terminal.

Errors go to stderr with exit code 1 and name the field; usage errors exit 2 (argparse).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from sqlalchemy.exc import DatabaseError

from desktop_app.cli import (
    archive_commands,
    import_commands,
    objection_commands,
    people_commands,
    print_commands,
    report_commands,
    sync_commands,
    training_commands,
)
from desktop_app.errors import IntegrityFilesError
from desktop_app.store.engine import describe_db_error


class _VersionAction(argparse.Action):
    """Lazy: the versions of SQLCipher and Qt are looked up only when asked for."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: object,
                 option_string: str | None = None) -> None:
        from desktop_app.about import about_text

        print(about_text())
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="integrity-files",
        description="Integrity Files (公务员诚信档案): encrypted integrity archives. Passphrases come from "
                    "INTEGRITY_FILES_PASSPHRASE or a prompt.")
    parser.add_argument("--version", action=_VersionAction, nargs=0,
                        help="print the versions of the app, the archive schema, SQLCipher and Qt")
    parser.add_argument("--user", help="sign in as this user (default: the admin created by init)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in (archive_commands, people_commands, objection_commands, training_commands, sync_commands,
                   print_commands, import_commands):
        module.register(sub)
    report_commands.register(sub)  # last: the feature modules above have registered their reports
    _accept_user_everywhere(sub)
    return parser


def _accept_user_everywhere(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Scripts write --user before or after the command; both work."""
    for parser in set(sub.choices.values()):
        nested = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if nested:
            _accept_user_everywhere(nested[0])
        elif "--user" not in parser._option_string_actions:
            parser.add_argument("--user", default=argparse.SUPPRESS, help="sign in as this user")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        return int(args.func(args))
    except IntegrityFilesError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except DatabaseError as exc:
        print(f"error: the archive could not be read or written ({describe_db_error(exc)}); "
              "run verify, free disk space or restore a backup", file=sys.stderr)
        return 1
    except OSError as exc:  # a file the command reads or writes: no traceback for a full disk or a missing drive
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"error: {exc.strerror or exc}{where}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
