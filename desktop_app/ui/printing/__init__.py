"""Print preview, printing and batch printing of personnel files (DESIGN.md §6)."""

from importlib.util import find_spec


def preview_available() -> bool:
    """QtPdf comes from the PySide6-Pdf wheel (PySide6 6.12) or PySide6-Addons (6.9); a build for an
    older system may lack it, and then the preview is off while batch printing to files still works."""
    try:
        return find_spec("PySide6.QtPdfWidgets") is not None
    except (ImportError, ValueError):
        return False
