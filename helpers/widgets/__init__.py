"""Explorers: figures under sliders, built on :class:`helpers.widgets.core.Explorer` (how-to: README.md here)."""
from .core import Explorer, explorer_figure, find_explorers, format_readout, number, shown, slider, toggle

__all__ = ["Explorer", "explorer_figure", "find_explorers", "format_readout", "number", "shown", "slider", "toggle"]
