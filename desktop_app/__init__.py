"""Integrity Files (公务员诚信档案): encrypted offline integrity archives."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("integrity-files")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
