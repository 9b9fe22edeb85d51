"""Files attached to objections and repair applications: kept inside the encrypted archive only.

The bytes go to ``blobs``, keyed by their SHA-256 (the same content is stored once, and its row id
derives from the hash so every replica agrees); ``attachments`` says which file belongs to which
objection or application and why. Nothing is ever written to disk in plain text: the CLI and the
GUI export a file only when a person asks, and that export is audited. Reading checks the hash, so
altered content is refused rather than shown.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath, PureWindowsPath

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.domain.enums import LabelledEnum, labelled
from desktop_app.domain.text import clean_text
from desktop_app.errors import ArchiveError, NotFoundError, ValidationError
from desktop_app.store.models.objections import Attachment, Blob
from desktop_app.store.writer import Writer

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_FILES = 20
BLOB_NAMESPACE = uuid.UUID("0b8f7a52-6c1e-5d3a-8e44-440000a7ac4d")  # fixed forever: blob ids depend on it


@labelled({"evidence": "证据材料", "proof": "履行义务证明", "commitment": "信用修复承诺书", "reply": "书面答复"})
class AttachmentPurpose(LabelledEnum):
    EVIDENCE = "evidence"
    PROOF = "proof"
    COMMITMENT = "commitment"
    REPLY = "reply"


@dataclass(frozen=True, slots=True)
class EvidenceFile:
    """A file a person hands in: its name and its bytes (read from disk by the CLI or the GUI)."""

    file_name: str
    data: bytes

    @classmethod
    def from_path(cls, path: Path | str) -> EvidenceFile:
        p = Path(path)
        try:
            size = p.stat().st_size
            if size > MAX_FILE_BYTES:
                raise ValidationError(f"{p.name} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB", field="evidence")
            return cls(p.name, p.read_bytes())
        except OSError as exc:
            raise ValidationError(f"cannot read {p.name}: {exc.strerror}", field="evidence") from None


@dataclass(frozen=True, slots=True)
class AttachmentRow:
    id: uuid.UUID
    owner_id: uuid.UUID
    purpose: AttachmentPurpose
    file_name: str
    sha256: str
    size: int
    added_at: datetime


def attach(w: Writer, owner_type: str, owner_id: uuid.UUID, purpose: AttachmentPurpose,
           files: Iterable[EvidenceFile]) -> list[AttachmentRow]:
    rows = []
    for file in files:
        name = _file_name(file.file_name)
        if not file.data:
            raise ValidationError(f"{name} is empty", field=purpose.value)
        if len(file.data) > MAX_FILE_BYTES:
            raise ValidationError(f"{name} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB", field=purpose.value)
        sha = hashlib.sha256(file.data).hexdigest()
        if w.session.scalar(select(Blob.id).where(Blob.sha256 == sha)) is None:
            w.insert(Blob(id=uuid.uuid5(BLOB_NAMESPACE, sha), sha256=sha, size=len(file.data), data=file.data),
                     "blob.create", detail={"size": len(file.data)})
        attachment = Attachment(owner_type=owner_type, owner_id=owner_id, purpose=purpose.value, file_name=name,
                                sha256=sha, size=len(file.data))
        w.insert(attachment, "attachment.create", detail={"owner": owner_type, "purpose": purpose.value})
        rows.append(to_attachment_row(attachment))
    count = w.session.scalar(select(func.count(Attachment.id)).where(Attachment.owner_id == owner_id)) or 0
    if count > MAX_FILES:
        raise ValidationError(f"at most {MAX_FILES} files per {owner_type}", field=purpose.value)
    return rows


def attachments_of(session: Session, owner_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, tuple[AttachmentRow, ...]]:
    ids = list(owner_ids)
    found: dict[uuid.UUID, list[AttachmentRow]] = {i: [] for i in ids}
    if ids:
        for a in session.scalars(select(Attachment).where(Attachment.owner_id.in_(ids))
                                 .order_by(Attachment.created_at, Attachment.id)):
            found[a.owner_id].append(to_attachment_row(a))
    return {k: tuple(v) for k, v in found.items()}


def read_content(session: Session, attachment_id: uuid.UUID, owner_type: str) -> tuple[AttachmentRow, bytes]:
    attachment = session.get(Attachment, attachment_id)
    if attachment is None or attachment.owner_type != owner_type:
        raise NotFoundError("no such attachment", field="attachment")
    data = session.scalar(select(Blob.data).where(Blob.sha256 == attachment.sha256))
    if data is None:
        raise ArchiveError(f"the content of {attachment.file_name} is missing from the archive; run verify")
    if hashlib.sha256(data).hexdigest() != attachment.sha256 or len(data) != attachment.size:
        raise ArchiveError(f"the content of {attachment.file_name} does not match its hash; run verify")
    return to_attachment_row(attachment), data


def to_attachment_row(a: Attachment) -> AttachmentRow:
    return AttachmentRow(a.id, a.owner_id, AttachmentPurpose(a.purpose), a.file_name, a.sha256, a.size, a.created_at)


def _file_name(raw: str) -> str:
    # Only the last part of a path a person picked; never a directory of this machine.
    name = PureWindowsPath(PurePosixPath(raw or "").name).name
    return clean_text(name, "file_name", limit=200)
