"""Sync commands: the central store (headquarters), device keys, sync, bundles, conflicts."""

from __future__ import annotations

import argparse
import sys
import uuid
from pathlib import Path

from desktop_app.cli.common import print_json, print_table, signed_in
from desktop_app.errors import ValidationError
from desktop_app.store.keyslots import key_path_for
from desktop_app.sync.bundles import import_office_bundle
from desktop_app.sync.central import CentralStore
from desktop_app.sync.keys import PublicKeys


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    _register_central(sub)
    device = sub.add_parser("device", help="this archive's device identity").add_subparsers(dest="action",
                                                                                             required=True)
    p = device.add_parser("key", help="write the device's public key file (what 'central enroll' takes)")
    p.add_argument("archive")
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(func=cmd_device_key)

    p = sub.add_parser("sync", help="sync the archive with the central store")
    p.add_argument("archive")
    p.add_argument("--central", required=True, help="central store URL (postgresql://… or a SQLite file path)")
    p.set_defaults(func=cmd_sync)

    bundle = sub.add_parser("bundle", help="offline bundles for air-gapped offices").add_subparsers(
        dest="action", required=True)
    p = bundle.add_parser("export", help="write the changes headquarters has not acknowledged")
    p.add_argument("archive")
    p.add_argument("--to", required=True, help="headquarters' public key file (from 'central key')")
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(func=cmd_bundle_export)
    p = bundle.add_parser("import", help="import a bundle: at headquarters TARGET is the central URL, "
                                         "at an office the archive")
    p.add_argument("target")
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="show what would happen, change nothing")
    p.add_argument("--reply", help="at headquarters: also write the return bundle for the office")
    p.set_defaults(func=cmd_bundle_import)

    conflicts = sub.add_parser("conflicts", help="values that lost a merge").add_subparsers(dest="action",
                                                                                             required=True)
    p = conflicts.add_parser("list", help="list open conflicts")
    p.add_argument("archive")
    p.add_argument("--all", action="store_true", help="include resolved ones")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=cmd_conflicts_list)
    p = conflicts.add_parser("resolve", help="keep the merged value or restore the lost one")
    p.add_argument("archive")
    p.add_argument("conflict", help="conflict id (from 'conflicts list')")
    p.add_argument("--keep", choices=("kept", "lost"), required=True)
    p.set_defaults(func=cmd_conflicts_resolve)


def _register_central(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    central = sub.add_parser("central", help="the central store at headquarters").add_subparsers(
        dest="action", required=True)
    p = central.add_parser("init", help="create or upgrade the central store and headquarters' keys")
    p.add_argument("url")
    p.set_defaults(func=cmd_central_init)
    p = central.add_parser("enroll", help="register an office's device and the units it may see")
    p.add_argument("url")
    p.add_argument("--device-key", required=True, help="the office's device key file")
    p.add_argument("--scope", nargs="+", required=True, metavar="UNIT",
                   help="unit codes (统一社会信用代码) or division prefixes such as 4401")
    p.set_defaults(func=cmd_central_enroll)
    p = central.add_parser("status", help="every enrolled office: last sync, bundles, audit chain head")
    p.add_argument("url")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=cmd_central_status)
    p = central.add_parser("key", help="write headquarters' public key file (what 'bundle export --to' takes)")
    p.add_argument("url")
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(func=cmd_central_key)
    p = central.add_parser("revoke", help="revoke a device: its changes are refused from now on")
    p.add_argument("url")
    p.add_argument("device")
    p.set_defaults(func=cmd_central_revoke)


def cmd_central_init(args: argparse.Namespace) -> int:
    store = CentralStore.initialize(args.url)
    print(f"Central store ready ({store.engine.dialect.name}); headquarters key {store.hq_public().fingerprint}")
    store.close()
    return 0


def cmd_central_enroll(args: argparse.Namespace) -> int:
    keys = PublicKeys.read(Path(args.device_key), kind="device")
    store = CentralStore(args.url)
    try:
        office_url = store.enroll(keys, args.scope)
    finally:
        store.close()
    print(f"Enrolled device {keys.key_id} ({keys.name}) for {', '.join(args.scope)}.")
    if office_url:
        print("The office syncs with this URL (it holds the office's password; hand it over safely):")
        print(f"  {office_url}")
    return 0


def cmd_central_status(args: argparse.Namespace) -> int:
    store = CentralStore(args.url)
    try:
        devices = store.status()
    finally:
        store.close()
    if args.format == "json":
        print_json(devices)
        return 0
    print_table(["device", "office", "scope", "last push", "last pull", "bundles in/out", "chain head", "alarm"],
                [[d.device_id[:12], d.name, ",".join(d.scopes), (d.last_push_at or "never")[:19],
                  (d.last_pull_at or "never")[:19], f"{d.bundle_in_number}/{d.bundle_out_number}",
                  f"{d.chain_seq}:{d.chain_hash[:8]}", d.chain_alarm or ("REVOKED" if d.revoked else "")]
                 for d in devices])
    return 0


def cmd_central_key(args: argparse.Namespace) -> int:
    store = CentralStore(args.url)
    try:
        keys = store.hq_public()
    finally:
        store.close()
    keys.write(Path(args.output))
    print(f"Headquarters' public key written to {args.output} (fingerprint {keys.fingerprint})")
    return 0


def cmd_central_revoke(args: argparse.Namespace) -> int:
    store = CentralStore(args.url)
    try:
        store.revoke(args.device)
    finally:
        store.close()
    print(f"Device {args.device} revoked.")
    return 0


def cmd_device_key(args: argparse.Namespace) -> int:
    with signed_in(args) as services:
        keys = services.sync.device_keys()
    keys.write(Path(args.output))
    print(f"Device key of {keys.key_id} written to {args.output} (fingerprint {keys.fingerprint})")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    def progress(stage: str, done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\r{stage}: {done}" + (f"/{total}" if total else ""), end="", file=sys.stderr, flush=True)

    with signed_in(args) as services:
        report = services.sync.sync(args.central, progress=progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"Pushed {report.pushed} (already there {report.duplicates}, refused {report.refused_by_central}); "
          f"pulled {report.pulled}, applied {report.applied}, conflicts {report.conflicts}, "
          f"quarantined {report.quarantined} in {report.seconds:.1f} s")
    return 0


def cmd_bundle_export(args: argparse.Namespace) -> int:
    with signed_in(args) as services:
        result = services.sync.export_bundle(Path(args.to), Path(args.output))
    print(f"Bundle {result.number} with {result.changes} changes written to {args.output}")
    return 0


def cmd_bundle_import(args: argparse.Namespace) -> int:
    target = Path(args.target)
    if target.exists() and key_path_for(target).exists():  # an office archive
        if args.reply:
            raise ValidationError("--reply is for headquarters", field="reply")
        with signed_in(argparse.Namespace(archive=args.target, user=getattr(args, "user", None))) as services:
            result = services.sync.import_bundle(Path(args.file), dry_run=args.dry_run)
    else:
        store = CentralStore(args.target)
        try:
            result = import_office_bundle(store, Path(args.file), dry_run=args.dry_run,
                                          reply=Path(args.reply) if args.reply else None)
        finally:
            store.close()
    verb = "Would import" if result.dry_run else "Imported"
    print(f"{verb} bundle {result.number}: {result.changes} changes, {result.new} new, "
          f"{result.duplicates} already there, {result.refused} refused, {result.conflicts} conflicts")
    if result.reply:
        print(f"Return bundle written to {result.reply}")
    return 0


def cmd_conflicts_list(args: argparse.Namespace) -> int:
    with signed_in(args) as services:
        rows = services.sync.conflicts(include_resolved=args.all)
    if args.format == "json":
        print_json(rows)
        return 0
    print_table(["id", "kind", "file", "field", "kept", "lost", "lost by", "state"],
                [[str(c.id), c.kind, c.subject, c.field, str(c.kept_value)[:30], str(c.lost_value)[:30],
                  c.lost_user, c.resolution or ("resolved" if c.resolved else "open")] for c in rows])
    return 0


def cmd_conflicts_resolve(args: argparse.Namespace) -> int:
    try:
        conflict_id = uuid.UUID(args.conflict)
    except ValueError:
        raise ValidationError(f"{args.conflict!r} is not a conflict id", field="conflict") from None
    with signed_in(args) as services:
        services.sync.resolve_conflict(conflict_id, args.keep)
    print("Conflict resolved.")
    return 0
