"""The 培训 page (issue 7)."""

from desktop_app.ui.training.training_page import TrainingPage

__all__ = ["TrainingPage"]
