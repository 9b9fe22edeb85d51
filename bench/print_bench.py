"""Printing benchmark (not a test): pages per second, file sizes and peak memory, against a bare
reportlab document of the same tables, measured in the same run. Prints a Markdown table.

    .venv/bin/python bench/print_bench.py [--persons 1000] [--repeat 20]

"ours" is the print service end to end (database read, content, layout, furniture, watermark, QR,
verification data, audit entry, file write). "bare" lays out the same story flowables (the same
tables and cells) with a plain ``SimpleDocTemplate`` and canvas: no furniture, no page x/y, no QR,
no embedded data, no audit. "naive" is what one writes without care: a Paragraph in every cell.
Each batch runs in a child process so its peak RSS is its own. The archive uses a light KDF so the
key derivation's memory does not count as printing memory.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle  # noqa: E402

from desktop_app.printing import layout  # noqa: E402
from desktop_app.printing.compose import render_file  # noqa: E402
from desktop_app.printing.model import PrintedFile, Variant  # noqa: E402
from desktop_app.printing.story import build_story, paragraph, styles  # noqa: E402
from desktop_app.services import Services  # noqa: E402
from desktop_app.services.printing import PrintService  # noqa: E402
from desktop_app.services.records import RecordDraft  # noqa: E402
from desktop_app.store import keyslots  # noqa: E402
from desktop_app.store.archive import Archive  # noqa: E402

PASSPHRASE = "bench passphrase 1"
LIGHT_KDF = keyslots.KdfParams(salt=b"", iterations=1, lanes=1, memory_kib=8192)
STAMP = "2026-11-27 10:00:00"
PAGE_OBJECT = re.compile(rb"/Type\s*/Page\b")


# -- the archive --------------------------------------------------------------------------------

def build_archive(folder: Path, persons: int) -> tuple[Path, list[str]]:
    """Demo data for the batch, plus two persons given 24 and 200 records (a 3-page and a long file)."""
    path = folder / "bench.db"
    archive, user, _ = Archive.create(path, admin_name="admin", admin_passphrase=PASSPHRASE,
                                      office_name="广州市天河区人力资源和社会保障局", kdf=LIGHT_KDF)
    services = Services.for_user(archive, user)
    try:
        services.demo.load(persons=persons)
        rows = services.persons.search(limit=2)
        for row, count in zip(rows, (24, 200), strict=True):
            for i in range(count):
                services.records.add(row.id, _draft(i))
        return path, [r.id.hex for r in rows]
    finally:
        services.close()


def _draft(i: int) -> RecordDraft:
    dishonest = i % 4 != 3
    return RecordDraft(kind="行政处罚" if dishonest else "嘉奖", severity="一般",
                       decided_on=date(2019, 1, 1) + timedelta(days=9 * i),
                       document_no=f"穗天罚〔{2019 + i // 40}〕{100 + i}号", authority="广州市天河区市场监督管理局",
                       facts="未按规定履行审批程序，擅自变更项目内容，造成不良影响。" * (1 + i % 3))


def open_services(path: Path) -> Services:
    archive, user = Archive.unlock(path, "admin", PASSPHRASE)
    return Services.for_user(archive, user)


# -- the bare reportlab documents ------------------------------------------------------------------

def bare_pdf(file: PrintedFile) -> bytes:
    """The same story flowables (same tables, same cells) on a plain document and canvas."""
    out = io.BytesIO()
    _plain_doc(out).build(build_story(file).flowables)
    return out.getvalue()


def naive_pdf(file: PrintedFile) -> bytes:
    """The same content with a Paragraph in every cell and no other care."""
    s = styles()
    story: list[Any] = [Paragraph(file.title, s["title"])]
    for section in file.sections:
        story.append(Paragraph(section.title, s["section"]))
        if not section.rows:
            story.append(Paragraph(section.empty, s["empty"]))
            continue
        widths = layout.column_widths(section.key, len(section.columns))
        data = [[paragraph(c, s["body"]) for c in section.columns]]
        commands: list[Any] = [("GRID", (0, 0), (-1, -1), 0.4, layout.RULE)]
        for row in section.rows:
            data.append([paragraph(c, s["body"]) for c in row.cells])
            if row.note:
                data.append([paragraph(row.note, s["note"])] + [""] * (len(row.cells) - 1))
                commands.append(("SPAN", (0, len(data) - 1), (-1, len(data) - 1)))
        table = Table(data, colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle(commands))
        story.append(table)
    out = io.BytesIO()
    _plain_doc(out).build(story)
    return out.getvalue()


def _plain_doc(out: io.BytesIO) -> SimpleDocTemplate:
    return SimpleDocTemplate(out, pagesize=A4, leftMargin=layout.MARGIN_X, rightMargin=layout.MARGIN_X,
                             topMargin=layout.HEADER_HEIGHT, bottomMargin=layout.FOOTER_HEIGHT, pageCompression=1)


def pages_of(data: bytes) -> int:
    return len(PAGE_OBJECT.findall(data))


# -- measurements in the child --------------------------------------------------------------------

SINGLE = ("ours", "layout", "bare", "naive")


def child(mode: str, archive: Path, out: Path, person: str, repeat: int) -> dict[str, Any]:
    services = open_services(archive)
    printing = PrintService(services.ctx)
    try:
        ids = services.persons.search_ids()
        if mode == "single":
            return _single(printing, next(i for i in ids if i.hex == person), repeat)
        before = _rss_mb()
        started = time.perf_counter()
        result = _batch(mode, printing, ids, out)
        result["seconds"] = time.perf_counter() - started
        result["rss_before_mb"], result["rss_mb"] = before, _rss_mb()
        return result
    finally:
        services.close()


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _single(printing: PrintService, person_id: Any, repeat: int) -> dict[str, Any]:
    """The four ways, interleaved ``repeat`` times; the fastest run of each counts (a shared machine
    slows some runs down, never speeds one up)."""
    content = printing._content(person_id, Variant.INTERNAL, False, STAMP)[0]
    makers: dict[str, Callable[[], bytes]] = {
        "ours": lambda: printing.render(person_id).data, "layout": lambda: render_file(content).data,
        "bare": lambda: bare_pdf(content), "naive": lambda: naive_pdf(content)}
    times: dict[str, list[float]] = {name: [] for name in SINGLE}
    sizes: dict[str, int] = {}
    for _ in range(repeat):
        for name, make in makers.items():
            started = time.perf_counter()
            data = make()
            times[name].append(time.perf_counter() - started)
            sizes[name] = len(data)
            pages = pages_of(data)
            times.setdefault(f"{name}-pages", []).append(pages)
    return {name: {"seconds": min(times[name]), "pages": int(times[f"{name}-pages"][0]), "files": 1,
                   "bytes": sizes[name], "rss_mb": _rss_mb()} for name in SINGLE}


def _batch(mode: str, printing: PrintService, ids: list[Any], out: Path) -> dict[str, Any]:
    if mode == "batch-files":
        r = printing.batch(ids, out / "files", one_file=False)
        sizes = [p.stat().st_size for p in r.files]
        return {"pages": r.pages, "files": len(sizes), "bytes": sum(sizes)}
    if mode == "batch-one":
        r = printing.batch(ids, out / "one.pdf", one_file=True)
        return {"pages": r.pages, "files": 1, "bytes": (out / "one.pdf").stat().st_size}
    make = bare_pdf if mode == "batch-bare" else naive_pdf
    folder = out / "files"
    folder.mkdir(parents=True)
    pages = size = 0
    for n, person_id in enumerate(ids):  # the same database read and content, then a plain document
        data = make(printing._content(person_id, Variant.INTERNAL, False, STAMP)[0])
        (folder / f"{n}.pdf").write_bytes(data)
        pages += pages_of(data)
        size += len(data)
    return {"pages": pages, "files": len(ids), "bytes": size}


# -- the parent ----------------------------------------------------------------------------------

BATCHES = ("batch-files", "batch-one", "batch-bare", "batch-naive")


def measure(mode: str, archive: Path, out: Path, person: str, repeat: int) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix=mode, dir=out))
    done = subprocess.run([sys.executable, __file__, "--child", mode, "--archive", str(archive), "--out", str(work),
                           "--person", person, "--repeat", str(repeat)], capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{mode} failed:\n{done.stderr}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def row(label: str, m: dict[str, Any], base: dict[str, Any] | None = None) -> str:
    rate = m["pages"] / m["seconds"]
    ratio = f"{(base['pages'] / base['seconds']) / rate:.2f}×" if base else "—"
    per_file = m["bytes"] / m["files"] / 1024
    memory = f"{m['rss_before_mb']:.0f} → {m['rss_mb']:.0f}" if "rss_before_mb" in m else "—"
    return (f"| {label} | {m['files']} | {m['pages']} | {m['seconds']:.3f} | {rate:.1f} | {ratio} | "
            f"{per_file:.1f} | {memory} |")


def fastest(runs: list[dict[str, Any]]) -> dict[str, Any]:
    best = dict(min(runs, key=lambda r: r["seconds"]))
    best["rss_mb"] = max(r["rss_mb"] for r in runs)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--persons", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=15, help="interleaved prints of each single file")
    parser.add_argument("--rounds", type=int, default=2, help="interleaved runs of each batch")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--archive", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--person", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, Path(args.archive), Path(args.out), args.person, args.repeat)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        archive, (typical, long) = build_archive(folder, args.persons)
        single = measure("single", archive, folder, typical, args.repeat)
        single_long = measure("single", archive, folder, long, max(5, args.repeat // 2))
        runs: dict[str, list[dict[str, Any]]] = {mode: [] for mode in BATCHES}
        for _ in range(args.rounds):
            for mode in BATCHES:
                runs[mode].append(measure(mode, archive, folder, typical, 1))
    batch = {mode: fastest(r) for mode, r in runs.items()}
    print(f"Printing benchmark: {args.persons} demo persons, {args.rounds} interleaved rounds per batch; "
          f"one file = 24 records ({single['ours']['pages']} pages), long file = 200 records "
          f"({single_long['ours']['pages']} pages); fastest run of each; Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} CPUs\n")
    print("| run | files | pages | seconds | pages/s | time per page vs bare | KB per file | RSS MB before → peak |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for m, label in ((single, "one file (24 records)"), (single_long, "long file (200 records)")):
        print(row(f"{label}: ours, service end to end", m["ours"], m["bare"]))
        print(row(f"{label}: ours, layout only", m["layout"], m["bare"]))
        print(row(f"{label}: bare reportlab, same tables", m["bare"]))
        print(row(f"{label}: naive reportlab", m["naive"], m["bare"]))
    n = args.persons
    print(row(f"batch {n}: ours, one file per person", batch["batch-files"], batch["batch-bare"]))
    print(row(f"batch {n}: ours, one PDF", batch["batch-one"], batch["batch-bare"]))
    print(row(f"batch {n}: bare reportlab, same tables", batch["batch-bare"]))
    print(row(f"batch {n}: naive reportlab", batch["batch-naive"], batch["batch-bare"]))


if __name__ == "__main__":
    main()
