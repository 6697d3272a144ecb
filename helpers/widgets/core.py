"""The one pattern every slider in the series uses.

A figure is built once (without pyplot's auto-display) and shown with a
display id, so its default state is an ordinary output that a static render
(a website, GitHub, a viewer with no kernel) still shows. A control change
calls ``update(**values)``, which moves existing artists (``set_data``,
``set_height``, ...) and returns the text for the readout; the figure is
re-rendered to PNG -- only the artists that changed are redrawn, see
:mod:`helpers.widgets.render` -- and the displayed image replaced in place.
Nothing expensive belongs in ``update``: precompute it before building the widget.
"""
import io
from collections import namedtuple

import ipywidgets as widgets
from IPython.display import DisplayHandle, Image, display

from .render import FigureRenderer

LiveFigure = namedtuple("LiveFigure", "box fig update controls renderer")
#: Every widget built in this kernel, newest last: benchmarks and tests drive them from here
#: (the notebooks themselves do not keep the returned boxes).
instances = []


def figure_image(fig):
    """Render ``fig`` to a PNG ``IPython.display.Image``.

    Rendering explicitly (rather than relying on the inline backend's
    formatter for ``Figure``) works the same in JupyterLab, Notebook 7,
    VS Code and under nbval, whether or not pyplot was ever imported.
    """
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return Image(data=buffer.getvalue(), format="png")


def format_readout(lines):
    """The readout HTML: one ``<b>name</b>: value`` line per item, joined by ``<br>``.

    Every widget of the series shows its numbers in this one format, which the
    browser tests parse back; each lesson formats its own values.
    """
    return "<br>".join(f"<b>{name}</b>: {value}" for name, value in lines.items())


def interactive_figure(fig, update, controls, readout=True):
    """Show ``controls`` above ``fig`` and keep the figure in step with them.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        Built with ``matplotlib.figure.Figure(layout="constrained")`` (or a pyplot
        figure closed with ``plt.close(fig)``), so it is not displayed twice.
    update : callable
        ``update(**values) -> str or None``; called once now with the initial
        values and again on every change. The string (HTML) fills the readout.
    controls : dict of str -> ipywidgets.ValueWidget
        Keyword name -> control (``FloatSlider``, ``FloatLogSlider``, ``ToggleButtons``, ...).
    readout : bool, default=True
        Show an HTML readout (CSS class ``helpers-readout``) under the controls.

    Returns
    -------
    ipywidgets.VBox
        The controls and readout, already displayed (kept for tests and chaining).
    """
    html = widgets.HTML()
    html.add_class("helpers-readout")

    def values():
        return {name: control.value for name, control in controls.items()}

    def refresh(text):
        if readout and text is not None:
            html.value = text

    refresh(update(**values()))
    box = widgets.VBox(list(controls.values()) + ([html] if readout else []))
    display(box)
    renderer = FigureRenderer(fig)
    handle = DisplayHandle()  # a display id, so the image can be replaced in place
    handle.display(Image(data=renderer.render(), format="png"))
    # The first render placed the axes (constrained layout); keep them there. Later renders then
    # redraw only what changed, and the axes do not jump as tick labels change under a slider.
    if fig.get_layout_engine() is not None:
        fig.set_layout_engine("none")

    def on_change(_change):
        refresh(update(**values()))
        handle.update(Image(data=renderer.render(), format="png"))

    for control in controls.values():
        control.observe(on_change, names="value")
    instances.append(LiveFigure(box, fig, update, controls, renderer))
    return box


def find_artist(ax, gid):
    """The artist (line, collection, patch, text) on ``ax`` with this ``gid``.

    Plot helpers tag the artists a widget moves with a gid, so an update can find
    and change them instead of re-plotting. Raises LookupError if there is none.
    """
    for artist in ax.get_children():
        if artist.get_gid() == gid:
            return artist
    raise LookupError(f"No artist with gid {gid!r} on these axes; draw it with the matching plot helper first.")
