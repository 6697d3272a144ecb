"""Widgets: thin layers that wire sliders to pure functions and figure updates."""
from .core import figure_image, format_readout, interactive_figure

__all__ = ["figure_image", "format_readout", "interactive_figure"]
