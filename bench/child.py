"""Benchmarks run in child processes: each peak RSS is the child's own, and Qt (GUI) never loads in
the parent. A child prints one line ``BENCH-JSON {...}`` last; its progress goes to stderr."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from bench.harness import Row

ROOT = Path(__file__).resolve().parents[1]
MARK = "BENCH-JSON "


def report(rows: list[Row] | None = None, **extra: Any) -> None:
    """What a child hands back: its rows and any figures, as the last line of stdout."""
    payload = {"rows": [r.to_dict() for r in rows or []], **extra}
    sys.stdout.write(MARK + json.dumps(payload, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def run(module: str, *args: object, env: dict[str, str] | None = None) -> dict[str, Any]:
    """``python -m module args…``; returns the child's payload with ``rows`` as Row objects."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    done = subprocess.run([sys.executable, "-m", module, *map(str, args)], cwd=ROOT, env=environment,
                          stdout=subprocess.PIPE, text=True, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith(MARK)]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{module} failed (exit {done.returncode}); its output:\n{done.stdout[-3000:]}")
    payload: dict[str, Any] = json.loads(lines[-1][len(MARK):])
    payload["rows"] = [Row.from_dict(r) for r in payload.get("rows", [])]
    return payload
