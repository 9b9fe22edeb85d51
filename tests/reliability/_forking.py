"""Run a function in a forked child process: optionally with a file-size limit (RLIMIT_FSIZE, SIGXFSZ
ignored so writes fail with EFBIG instead of killing) and with its stdout/stderr in files.

Forking from the test process skips the ~2 s interpreter start and import of ``desktop_app`` per
child, so the fast tiers can afford many children. The parent must hold no open archive while a
child writes to it.
"""

from __future__ import annotations

import os
import resource
import signal
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

CRASHED = 99  # exit code of a child that died of an unexpected Python exception (traceback in stderr)


def child_setup(fsize: int | None) -> None:
    """What runs first in the child (also usable as ``preexec_fn`` of ``subprocess``)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    if fsize is not None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))


def run_forked(fn: Callable[[], int], out: Path, err: Path, *, fsize: int | None = None,
               env: dict[str, str] | None = None) -> int:
    """Fork, run ``fn`` with stdout/stderr written to ``out``/``err``; return the exit code."""
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        rc = CRASHED
        try:
            sys.stdout = open(out, "w", encoding="utf-8")  # noqa: SIM115
            sys.stderr = open(err, "w", encoding="utf-8")  # noqa: SIM115
            os.environ.update(env or {})
            child_setup(fsize)
            rc = fn()
        except SystemExit as exc:
            rc = exc.code if isinstance(exc.code, int) else 1
            if not isinstance(exc.code, int) and exc.code is not None:
                print(exc.code, file=sys.stderr)
        except BaseException:
            traceback.print_exc()
        finally:
            try:
                sys.stdout.flush()
                sys.stderr.flush()
            finally:
                os._exit(rc)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def fork_worker(fn: Callable[[int], None]) -> tuple[int, int]:
    """Fork a child that runs ``fn(write_fd)`` forever (until killed); returns (pid, read_fd)."""
    sys.stdout.flush()
    sys.stderr.flush()
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        rc = CRASHED
        try:
            os.close(read_fd)
            fn(write_fd)
            rc = 0
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(rc)
    os.close(write_fd)
    return pid, read_fd
