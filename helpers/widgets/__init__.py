"""Widgets: thin layers that wire sliders to pure functions and figure updates."""
from .core import interactive_figure

__all__ = ["interactive_figure"]
