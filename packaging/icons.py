"""Render the application icon (resources/icons/app.svg) to the raster formats installers need:
a multi-size ``.ico`` for the Windows executable and PNGs for desktops without SVG icon support.

``python packaging/icons.py OUT_DIR`` (build.spec calls :func:`render_icons`); needs only PySide6.
"""

from __future__ import annotations

import sys
from pathlib import Path

SVG = Path(__file__).resolve().parents[1] / "resources" / "icons" / "app.svg"
PNG_SIZES = (48, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_icons(out_dir: Path, svg: Path = SVG) -> dict[str, Path]:
    """Write ``integrity-files.ico`` and ``integrity-files-<size>.png`` into out_dir."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(["icons", "-platform", "offscreen"])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"cannot read {svg}")
    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    images = {}
    for size in sorted(set(PNG_SIZES) | set(ICO_SIZES)):
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        images[size] = image
    for size in PNG_SIZES:
        path = out_dir / f"integrity-files-{size}.png"
        if not images[size].save(str(path), "PNG"):
            raise OSError(f"cannot write {path}")
        written[f"png{size}"] = path
    ico = out_dir / "integrity-files.ico"
    ico.write_bytes(_ico_bytes([images[s] for s in ICO_SIZES]))
    written["ico"] = ico
    return written


def _ico_bytes(images: list[object]) -> bytes:
    """An ICO file holding one PNG per size (the format Windows Vista and later read)."""
    import struct

    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage

    blobs = []
    for image in images:
        assert isinstance(image, QImage)
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        blobs.append((image.width(), bytes(data.data())))
    header = struct.pack("<HHH", 0, 1, len(blobs))
    offset = len(header) + 16 * len(blobs)
    entries, payload = b"", b""
    for width, blob in blobs:
        side = 0 if width >= 256 else width  # 0 means 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset + len(payload))
        payload += blob
    return header + entries + payload


if __name__ == "__main__":
    for name, path in render_icons(Path(sys.argv[1] if len(sys.argv) > 1 else "build/icons")).items():
        print(f"{name}: {path} ({path.stat().st_size} bytes)")
