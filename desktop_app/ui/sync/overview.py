"""What the status bar and the sync page show about sync, computed in one place."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop_app.services.sync import SyncStatus


@dataclass(frozen=True, slots=True)
class SyncOverview:
    status: SyncStatus
    overdue_days: int | None          # whole days since the last sync, when at least the reminder setting
    central_configured: bool
    may_sync: bool                    # the signed-in role may run sync (the periodic one needs it too)
    waiting_for_password: bool        # a server URL whose password is not in memory
    next_attempt_s: float | None      # seconds until the next automatic sync, None when none is planned
    failures: int                     # automatic attempts failed in a row (the back-off grows with it)
    last_error: str                   # the last failure in words, "" after a success


def overdue_days(last_sync: datetime | None, now: datetime, reminder_days: int) -> int | None:
    """Days since ``last_sync`` when they reach ``reminder_days``; None otherwise.

    An archive that never synced is not "overdue": the status bar already says 从未同步."""
    if last_sync is None:
        return None
    if last_sync.tzinfo is None and now.tzinfo is not None:
        now = now.replace(tzinfo=None)
    elif last_sync.tzinfo is not None and now.tzinfo is None:
        now = now.astimezone(last_sync.tzinfo)
    days = (now - last_sync).days
    return days if days >= reminder_days else None
