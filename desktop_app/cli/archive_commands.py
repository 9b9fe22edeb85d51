"""Archive-level commands: init, demo, verify, accept-loss, backup, rekey, recover, audit."""

from __future__ import annotations

import argparse
import sys
import time
import uuid
from pathlib import Path

from desktop_app.cli.common import (
    NEW_PASSPHRASE_ENV,
    PASSPHRASE_ENV,
    RECOVERY_KEY_ENV,
    default_user,
    print_json,
    print_table,
    secret_from,
    signed_in,
)
from desktop_app.demo.showcase import add_showcase
from desktop_app.domain.enums import Role
from desktop_app.domain.permissions import Permission
from desktop_app.services import Services
from desktop_app.services.context import ServiceContext
from desktop_app.services.users import UserService
from desktop_app.store.archive import Archive, SignedInUser


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("init", help="create a new encrypted archive and its admin user")
    p.add_argument("archive", help="path of the archive database file (its key file goes beside it)")
    p.add_argument("--admin", required=True, help="login name of the first administrator")
    p.add_argument("--office", default="", help="name of the office keeping this archive")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("demo", help="fill an archive with realistic demo data (creates it if missing)")
    p.add_argument("archive")
    p.add_argument("--persons", type=int, default=2000, help="number of persons (default 2000)")
    p.add_argument("--seed", type=int, default=2017)
    p.add_argument("--admin", default="admin", help="admin name when the archive is created")
    p.add_argument("--casework", action="store_true",
                   help="also add training courses and sessions, objections and credit repair applications "
                        "(as the desktop demo has; each step its own transaction, like a clerk's)")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("verify", help="check cipher and database integrity and the audit chain")
    p.add_argument("archive")
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("backup", help="write an encrypted backup (plus its key file) to DEST")
    p.add_argument("archive")
    p.add_argument("dest")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("rekey", help="rotate the archive's data key")
    p.add_argument("archive")
    p.set_defaults(func=cmd_rekey)

    p = sub.add_parser("recover", help="set a new passphrase for a user with the recovery key")
    p.add_argument("archive")
    p.add_argument("name", help="the user whose passphrase is reset")
    p.set_defaults(func=cmd_recover)

    p = sub.add_parser("accept-loss", help="open an archive that lost committed changes and carry on from what "
                       "is left (administrator; the loss is audited)")
    p.add_argument("archive")
    p.set_defaults(func=cmd_accept_loss)

    p = sub.add_parser("audit", help="read the audit trail (auditor)")
    p.add_argument("archive")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=cmd_audit)


def cmd_init(args: argparse.Namespace) -> int:
    passphrase = secret_from(PASSPHRASE_ENV, f"New passphrase for {args.admin}: ", confirm=True)
    archive, _, recovery_key = Archive.create(Path(args.archive), admin_name=args.admin,
                                              admin_passphrase=passphrase, office_name=args.office)
    archive.close()
    print(f"Created {args.archive} with administrator {args.admin}.")
    print("RECOVERY KEY (shown only now; print it and lock it away):")
    print(f"  {recovery_key}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    path = Path(args.archive)
    if args.persons < 0 or args.persons > 2_000_000:
        raise SystemExit("error: --persons must be between 0 and 2000000")
    if not path.exists():
        passphrase = secret_from(PASSPHRASE_ENV, f"New passphrase for {args.admin}: ", confirm=True)
        archive, user, recovery_key = Archive.create(path, admin_name=args.admin, admin_passphrase=passphrase,
                                                     office_name="演示办公室")
        print(f"Created {path} with administrator {args.admin}. Recovery key: {recovery_key}")
        services = Services.for_user(archive, user)
    else:
        with signed_in(args) as services:
            return _fill(services, args)
    try:
        return _fill(services, args)
    finally:
        services.close()


def _fill(services: Services, args: argparse.Namespace) -> int:
    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\r{done}/{total} persons", end="", file=sys.stderr, flush=True)

    summary = services.demo.load(persons=args.persons, seed=args.seed, progress=progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"Demo data: {summary.units} units, {summary.persons} persons, {summary.records} records, "
          f"{summary.assessments} assessments in {time.perf_counter() - started:.1f} s")
    if args.casework:
        work = add_showcase(services, seed=args.seed)
        print(f"Casework: {work.courses} courses, {work.sessions} sessions, {work.attendances} attendances, "
              f"{work.objections} objections, {work.repairs} repair applications")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    with signed_in(args) as services:
        report = services.maintenance.verify()
    for line in report.lines():
        print(line)
    if not report.ok:
        print("error: the archive failed verification", file=sys.stderr)
        return 1
    return 0


def cmd_accept_loss(args: argparse.Namespace) -> int:
    path = Path(args.archive)
    user = args.user or default_user(path)
    archive, signed = Archive.unlock(path, user, secret_from(PASSPHRASE_ENV, f"Passphrase for {user}: "),
                                     accept_lost_changes=True)
    services = Services.for_user(archive, signed)
    try:
        report = services.maintenance.verify()
    finally:
        services.close()
    for line in report.lines():
        print(line)
    print("The archive is open again from what it holds; sync with headquarters to pull back what it has.")
    return 0 if report.ok else 1


def cmd_backup(args: argparse.Namespace) -> int:
    with signed_in(args) as services:
        dest = services.maintenance.backup(Path(args.dest))
    print(f"Backup written to {dest} (and {dest.name}.keys)")
    return 0


def cmd_rekey(args: argparse.Namespace) -> int:
    with signed_in(args) as services:
        services.maintenance.rekey()
    print("Data key rotated; every active user's passphrase still opens the archive.")
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    recovery_key = secret_from(RECOVERY_KEY_ENV, "Recovery key: ")
    archive = Archive.unlock_with_recovery(Path(args.archive), recovery_key)
    try:
        # The recovery key may do one thing: give a user a new passphrase.
        ctx = ServiceContext(archive, SignedInUser(uuid.UUID(int=0), "recovery", Role.ADMIN,
                                                   frozenset({Permission.USER_MANAGE.value})))
        new = secret_from(NEW_PASSPHRASE_ENV, f"New passphrase for {args.name}: ", confirm=True)
        UserService(ctx).reset_passphrase(args.name, new)
    finally:
        archive.close()
    print(f"New passphrase set for {args.name}.")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    with signed_in(args) as services:
        entries = services.maintenance.audit_entries(limit=args.limit)
    if args.format == "json":
        print_json(entries)
        return 0
    print_table(["seq", "time (UTC)", "user", "action", "object", "ok"],
                [[str(e.seq), e.at.strftime("%Y-%m-%d %H:%M:%S"), e.user_name, e.action,
                  f"{e.object_type} {e.object_id[:8]}".strip(), "yes" if e.success else "NO"]
                 for e in entries])
    return 0
