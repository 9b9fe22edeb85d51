"""The central store: PostgreSQL in production, a SQLite file as the embedded default, one code path.

Offices reach it by an SQLAlchemy URL. On PostgreSQL each office logs in with its own role, and
row-level security (``db/central``) limits what it reads and writes; the same scope rule is also
applied in every query here, which is the only guard a SQLite central file has (one machine).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import Engine, and_, create_engine, exists, func, insert, literal, or_, select, text, tuple_, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError

from desktop_app.domain.uscc import parse_uscc
from desktop_app.errors import ArchiveError, ValidationError
from desktop_app.resources import migrations_path
from desktop_app.store.types import utcnow
from desktop_app.sync import central_schema as cs
from desktop_app.sync.central_copy import copy_changes
from desktop_app.sync.central_errors import CentralStoreError, central_failure, from_central, reports_central_errors
from desktop_app.sync.keys import PublicKeys
from desktop_app.sync.merge import DeviceInfo, Incoming
from desktop_app.sync.wire import SignedChange, signature_ok

CENTRAL_SCRIPTS = migrations_path("central")
Cursor = tuple[int, int]


@dataclass(frozen=True, slots=True)
class PushResult:
    stored: int
    duplicates: int
    quarantined: int


@dataclass(frozen=True, slots=True)
class ChainHead:
    seq: int
    hash: str


@dataclass(frozen=True, slots=True)
class CentralRow:
    tx: int
    seq: int
    incoming: Incoming


@dataclass(frozen=True, slots=True)
class DeviceStatus:
    device_id: str
    name: str
    revoked: bool
    scopes: tuple[str, ...]
    last_push_at: str | None
    last_pull_at: str | None
    chain_seq: int
    chain_hash: str
    chain_alarm: str
    bundle_in_number: int
    bundle_out_number: int


def normalize_url(url: str) -> str:
    """Accept a plain path for the SQLite file and plain ``postgresql://`` for psycopg 3."""
    if "://" not in url:
        return f"sqlite:///{Path(url).resolve()}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def check_scope(scope: str) -> str:
    cleaned = scope.strip().upper()
    if re.fullmatch(r"44\d{0,4}", cleaned):
        return cleaned
    try:
        return parse_uscc(cleaned, field="scope")
    except ValidationError:
        raise ValidationError(f"scope {scope!r} is neither a Guangdong division prefix (44…) nor a unit code",
                              field="scope") from None


class CentralStore:
    def __init__(self, url: str, *, create: bool = False) -> None:
        """Connect to an existing central store; only ``initialize`` (``central init``) creates one."""
        try:
            self.url = normalize_url(url)
            parsed = make_url(self.url)
            if parsed.get_backend_name() == "sqlite" and not create and not Path(parsed.database or "").is_file():
                raise CentralStoreError(f"no central store at {parsed.database}; headquarters creates it with "
                                   "'central init'", field="url")
            self.engine: Engine = create_engine(self.url, pool_pre_ping=True, hide_parameters=True)
        except (ArgumentError, ValueError) as exc:
            raise ValidationError(f"not a database URL: {exc}", field="url") from None
        self.is_postgres = self.engine.dialect.name == "postgresql"

    @classmethod
    def initialize(cls, url: str) -> CentralStore:
        """Create or upgrade the schema and headquarters' keys; safe to run again."""
        store = cls(url, create=True)
        config = Config()
        config.set_main_option("script_location", str(CENTRAL_SCRIPTS))
        with store._connect() as conn, conn.begin():
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
        with store._connect() as conn, conn.begin():
            if conn.scalar(select(func.count()).select_from(cs.hq_keys)) == 0:
                sign, box = Ed25519PrivateKey.generate(), X25519PrivateKey.generate()
                conn.execute(insert(cs.hq_keys).values(id=1, sign_private=sign.private_bytes_raw(),
                                                       box_private=box.private_bytes_raw(), created_at=_now()))
                conn.execute(insert(cs.hq_public).values(id=1, sign_public=sign.public_key().public_bytes_raw(),
                                                         box_public=box.public_key().public_bytes_raw()))
        return store

    def close(self) -> None:
        self.engine.dispose()

    def _connect(self) -> Any:
        try:
            return self.engine.connect()
        except OperationalError as exc:
            raise CentralStoreError(f"central store not reachable: {str(exc.orig).splitlines()[0]}",
                               field="url") from None

    # -- headquarters ---------------------------------------------------------------------

    @reports_central_errors
    def hq_private(self) -> tuple[Ed25519PrivateKey, X25519PrivateKey]:
        with self._connect() as conn:
            row = conn.execute(select(cs.hq_keys)).mappings().first()
        if row is None:
            raise CentralStoreError("the central store has no headquarters keys; run 'central init'")
        return (Ed25519PrivateKey.from_private_bytes(row["sign_private"]),
                X25519PrivateKey.from_private_bytes(row["box_private"]))

    @reports_central_errors
    def hq_public(self) -> PublicKeys:
        with self._connect() as conn:
            row = conn.execute(select(cs.hq_public)).mappings().first()
        if row is None:
            raise CentralStoreError("the central store has no headquarters keys; run 'central init'")
        return PublicKeys("headquarters", "hq", bytes(row["sign_public"]), bytes(row["box_public"]), "headquarters")

    @reports_central_errors
    def enroll(self, keys: PublicKeys, scopes: Sequence[str]) -> str | None:
        """Register an office device and what it may see. On PostgreSQL this creates the office's
        login role and returns the URL the office uses; the password appears only there."""
        checked = sorted({check_scope(s) for s in scopes})
        if not checked:
            raise ValidationError("give at least one scope (unit code or division prefix)", field="scope")
        role, password = "", ""
        with self._connect() as conn, conn.begin():
            if conn.scalar(select(cs.devices.c.device_id).where(cs.devices.c.device_id == keys.key_id)):
                raise ValidationError(f"device {keys.key_id} is already enrolled", field="device")
            if self.is_postgres:
                role, password = f"if_dev_{keys.key_id[:12]}", secrets.token_urlsafe(24)
                _create_login_role(conn, role, password)
            conn.execute(insert(cs.devices).values(
                device_id=keys.key_id, name=keys.name, sign_public=keys.sign_public, box_public=keys.box_public,
                db_role=role, revoked=False, enrolled_at=_now()))
            conn.execute(insert(cs.device_scopes), [{"device_id": keys.key_id, "scope": s} for s in checked])
        if not self.is_postgres:
            return None
        url = make_url(self.url).set(username=role, password=password)
        return url.render_as_string(hide_password=False)

    @reports_central_errors
    def revoke(self, device_id: str) -> None:
        with self._connect() as conn, conn.begin():
            row = conn.execute(select(cs.devices.c.db_role).where(cs.devices.c.device_id == device_id)).first()
            if row is None:
                raise ValidationError(f"no enrolled device {device_id}", field="device")
            conn.execute(update(cs.devices).where(cs.devices.c.device_id == device_id).values(revoked=True))
            if self.is_postgres and row[0]:
                conn.execute(text(f'ALTER ROLE "{row[0]}" NOLOGIN'))

    @reports_central_errors
    def status(self) -> list[DeviceStatus]:
        with self._connect() as conn:
            scopes: dict[str, list[str]] = {}
            for device_id, scope in conn.execute(select(cs.device_scopes.c.device_id, cs.device_scopes.c.scope)):
                scopes.setdefault(device_id, []).append(scope)
            d = cs.devices.c
            rows = conn.execute(select(cs.devices).order_by(d.name, d.device_id)).mappings().all()
        return [DeviceStatus(r["device_id"], r["name"], bool(r["revoked"]), tuple(scopes.get(r["device_id"], [])),
                             r["last_push_at"], r["last_pull_at"], int(r["chain_seq"]), r["chain_hash"],
                             r["chain_alarm"], int(r["bundle_in_number"]), int(r["bundle_out_number"]))
                for r in rows]

    @reports_central_errors
    def change_count(self) -> int:
        with self._connect() as conn:
            return int(conn.scalar(select(func.count()).select_from(cs.changes)) or 0)

    # -- office protocol --------------------------------------------------------------------

    @reports_central_errors
    def registry(self) -> dict[str, DeviceInfo]:
        with self._connect() as conn:
            return self._registry_on(conn)

    def _registry_on(self, conn: Any) -> dict[str, DeviceInfo]:
        rows = conn.execute(select(cs.devices.c.device_id, cs.devices.c.sign_public, cs.devices.c.revoked))
        return {r[0]: DeviceInfo(bytes(r[1]), bool(r[2])) for r in rows}

    def set_bundle_numbers(self, conn: Any, device_id: str, *, incoming: tuple[int, str] | None = None,
                           outgoing: tuple[int, str] | None = None) -> None:
        values: dict[str, Any] = {}
        if incoming:
            values.update(bundle_in_number=incoming[0], bundle_in_hash=incoming[1])
        if outgoing:
            values.update(bundle_out_number=outgoing[0], bundle_out_hash=outgoing[1])
        conn.execute(update(cs.devices).where(cs.devices.c.device_id == device_id).values(**values))

    def pull_on(self, conn: Any, device_id: str, cursor: Cursor, limit: int) -> list[CentralRow]:
        c = cs.changes.c
        query = (select(c.tx, c.seq, c.device_id, c.payload, c.signature)
                 .where(tuple_(c.tx, c.seq) > tuple_(literal(cursor[0]), literal(cursor[1])))
                 .where(self._scope_rule(device_id)).where(c.device_id != device_id)
                 .order_by(c.tx, c.seq).limit(limit))
        if self.is_postgres:
            query = query.where(c.tx < text("pg_snapshot_xmin(pg_current_snapshot())::text::bigint"))
        return [CentralRow(int(r[0]), int(r[1]), Incoming(r[2], r[3], bytes(r[4]))) for r in conn.execute(query)]

    @reports_central_errors
    def device_row(self, device_id: str) -> dict[str, Any]:
        with self._connect() as conn:  # a database without our tables: "not a central store"
            row = conn.execute(select(cs.devices).where(cs.devices.c.device_id == device_id)).mappings().first()
        if row is None:
            raise CentralStoreError(f"this archive's device {device_id} is not enrolled at the central store; "
                               "ask headquarters to run 'central enroll'", field="device")
        return dict(row)

    @reports_central_errors
    def push(self, device_id: str, batch: Sequence[SignedChange], scopes: Sequence[str],
             head: ChainHead | None = None) -> PushResult:
        """Store a batch in one transaction. Idempotent: a change already stored is skipped."""
        with self._connect() as conn, conn.begin():
            return self.push_on(conn, device_id, batch, scopes, head)

    def transaction(self) -> Any:
        """A connection in a transaction, for work that must be all-or-nothing (bundle import)."""
        return _Transaction(self)

    def push_on(self, conn: Any, device_id: str, batch: Sequence[SignedChange], scopes: Sequence[str],
                head: ChainHead | None = None) -> PushResult:
        info = self._registry_on(conn).get(device_id)
        stored = duplicates = quarantined = 0
        now = _now()
        allowed = self._device_scopes(conn, device_id)
        good, bad = [], []
        for signed, scope in zip(batch, scopes, strict=True):
            reason = _refusal(info, device_id, signed, scope, allowed)
            if reason:
                bad.append({"change_id": signed.change.change_id, "device_id": device_id, "reason": reason,
                            "payload": signed.payload, "received_at": now})
            else:
                good.append({"change_id": signed.change.change_id, "device_id": device_id, "scope": scope,
                             "entity": signed.change.entity, "entity_id": signed.change.entity_id,
                             "op": signed.change.op, "hlc": signed.change.hlc, "payload": signed.payload,
                             "signature": signed.signature, "received_at": now})
        if good:
            stored = (copy_changes(conn, good) if self.is_postgres
                      else self._insert_ignore(conn, cs.changes, good, "change_id"))
            duplicates = len(good) - stored
        if bad:
            self._insert_ignore(conn, cs.quarantine, bad, "change_id")
            quarantined = len(bad)
        if info is not None:
            values: dict[str, Any] = {"last_push_at": now}
            if head is not None:
                values.update(chain_seq=head.seq, chain_hash=head.hash)
            conn.execute(update(cs.devices).where(cs.devices.c.device_id == device_id).values(**values))
        return PushResult(stored, duplicates, quarantined)

    @reports_central_errors
    def raise_alarm(self, device_id: str, message: str, head: ChainHead) -> None:
        """Record that a device's audit history went backwards. On PostgreSQL the office may not
        write the alarm itself: it reports its (lower) head and the server's trigger sets the alarm."""
        with self._connect() as conn, conn.begin():
            values: dict[str, Any] = ({"chain_seq": head.seq, "chain_hash": head.hash} if self.is_postgres
                                      else {"chain_alarm": message})
            conn.execute(update(cs.devices).where(cs.devices.c.device_id == device_id).values(**values))

    @reports_central_errors
    def pull(self, device_id: str, cursor: Cursor, limit: int = 2000) -> list[CentralRow]:
        """The next changes in commit order after ``cursor``, within the device's scope."""
        # On PostgreSQL only transactions older than the oldest one still running are read: none of
        # them can commit later with a smaller (tx, seq), so the cursor never passes a change that
        # is not visible yet (pull_on).
        with self._connect() as conn:
            return self.pull_on(conn, device_id, cursor, limit)

    @reports_central_errors
    def record_pull(self, device_id: str) -> None:
        with self._connect() as conn, conn.begin():
            conn.execute(update(cs.devices).where(cs.devices.c.device_id == device_id)
                         .values(last_pull_at=_now()))

    # -- helpers ------------------------------------------------------------------------

    def _device_scopes(self, conn: Any, device_id: str) -> list[str]:
        return list(conn.scalars(select(cs.device_scopes.c.scope).where(cs.device_scopes.c.device_id == device_id)))

    def _scope_rule(self, device_id: str) -> Any:
        c, s = cs.changes.c, cs.device_scopes.c
        return or_(c.scope == "", exists().where(and_(
            s.device_id == device_id,
            or_(s.scope == c.scope, func.substr(c.scope, 3, 6).like(s.scope + "%")))))

    def _insert_ignore(self, conn: Any, table: Any, rows: list[dict[str, Any]], key: str) -> int:
        """Insert, skipping rows whose key exists; returns how many were new (RETURNING counts them
        on both backends, where executemany's rowcount is not reliable)."""
        maker = pg_insert if self.is_postgres else sqlite_insert
        statement = maker(table).on_conflict_do_nothing(index_elements=[key]).returning(table.c[key])
        return len(conn.execute(statement, rows).all())


class _Transaction:
    def __init__(self, store: CentralStore) -> None:
        self._store = store

    def __enter__(self) -> Any:
        self._conn = self._store._connect()
        self._tx = self._conn.begin()
        return self._conn

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        try:
            if kind is None:
                self._tx.commit()
            else:
                self._tx.rollback()
        except DBAPIError as failure:
            if exc is None:  # the commit failed
                raise central_failure(failure, self._store.url) from None
            # the rollback failed too (a dropped connection): the first error tells more
        finally:
            self._conn.close()
        if isinstance(exc, DBAPIError) and from_central(exc):
            raise central_failure(exc, self._store.url) from None


def _create_login_role(conn: Any, role: str, password: str) -> None:
    # CREATE ROLE takes no bind parameters; the password is URL-safe base64, so quoting is safe.
    # An error must not carry the statement (it holds the password) into messages or logs.
    try:
        conn.exec_driver_sql(f"CREATE ROLE \"{role}\" LOGIN PASSWORD '{password}' IN ROLE if_office")
    except DBAPIError as exc:
        raise ArchiveError(f"could not create the office's database role {role}: "
                           f"{type(exc.orig).__name__}") from None


def scope_allows(allowed: Sequence[str], scope: str) -> bool:
    return scope == "" or any(a == scope or scope[2:8].startswith(a) for a in allowed)


def _refusal(info: DeviceInfo | None, device_id: str, signed: SignedChange, scope: str,
             allowed: Sequence[str]) -> str:
    if info is None:
        return "unknown device"
    if info.revoked:
        return "revoked device"
    if signed.change.device_id != device_id:
        return "change made by another device"
    if not signature_ok(info.sign_public, signed.payload, signed.signature):
        return "bad signature"
    if not scope_allows(allowed, scope):
        return f"unit {scope} is outside the device's scope"
    return ""


def _now() -> str:
    return utcnow().isoformat(timespec="microseconds")
