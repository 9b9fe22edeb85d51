"""reportlab documents: the personnel integrity file, batches, and the verification code (DESIGN.md §6).

Streams are written Flate-compressed without the ASCII85 layer reportlab adds by default: files are
about a fifth smaller and faster to write. (``rl_config`` is process-wide; nothing else here needs
ASCII-only PDFs.)
"""

from reportlab import rl_config

rl_config.useA85 = 0
