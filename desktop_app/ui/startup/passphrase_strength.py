"""A passphrase strength meter for the wizard: hard rules from the domain, plus a rough score."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from desktop_app.domain.users import check_passphrase
from desktop_app.errors import ValidationError

LEVELS = (QT_TRANSLATE_NOOP("PassphraseMeter", "不符合要求"), QT_TRANSLATE_NOOP("PassphraseMeter", "弱"),
          QT_TRANSLATE_NOOP("PassphraseMeter", "中"), QT_TRANSLATE_NOOP("PassphraseMeter", "强"),
          QT_TRANSLATE_NOOP("PassphraseMeter", "很强"))


def strength(passphrase: str) -> int:
    """0 = refused by the domain rules, 1–4 = weak … very strong."""
    try:
        check_passphrase(passphrase)
    except ValidationError:
        return 0
    classes = sum((any(c.islower() for c in passphrase), any(c.isupper() for c in passphrase),
                   any(c.isdigit() for c in passphrase), any(not c.isalnum() for c in passphrase),
                   any(ord(c) > 0x2E80 for c in passphrase)))
    distinct = len(set(passphrase))
    score = 1 + (len(passphrase) >= 14) + (len(passphrase) >= 20 or classes >= 3) + (distinct >= 12)
    return min(4, score)


class PassphraseMeter(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(8)
        self.label = QLabel()
        self.label.setMinimumWidth(80)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.label)
        self.update_for("")

    def update_for(self, passphrase: str) -> int:
        score = strength(passphrase)
        self.bar.setValue(score)
        self.bar.setProperty("level", score)
        self.bar.style().unpolish(self.bar)
        self.bar.style().polish(self.bar)
        text = QCoreApplication.translate("PassphraseMeter", LEVELS[score])
        self.label.setText(QCoreApplication.translate("PassphraseMeter", "强度：") + text if passphrase else "")
        return score
