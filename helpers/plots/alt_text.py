"""Text alternatives for figures: one sentence that says what a figure shows.

A screen reader, a page that failed to load its images, a search engine: none of them see a figure.
:func:`describe_figure` writes the sentence they get instead, from what the figure holds -- titles,
axis labels, what is plotted (curves, points, bars, images, contours, shaded bands, reference lines),
legend entries, colour bars and panels. A plot helper that knows better says so once with
:func:`set_alt_text` on the axes it drew; that sentence then stands for the panel.

Where the text goes: a notebook output's metadata, ``{"image/png": {"alt": "…"}}``. That is what
``IPython.display.Image(..., alt=…)`` writes and what nbconvert's HTML templates turn into the
``<img alt="…">`` attribute (the classic template reads it; this series' site builder does the same
for the lab template); the Jupyter community's proposal for alt text on display data uses the same
``alt`` key.

Two ways a figure reaches an output, and how each gets its text:

- pyplot figures shown by the inline backend (end of a cell, ``plt.show()``, ``display(fig)``): run
  ``%load_ext helpers.plots.alt_text`` once in the notebook's setup cell. It registers a PNG
  formatter for matplotlib figures that returns the usual PNG together with ``{"alt": …}``.
- figures rendered to PNG bytes and shown with ``IPython.display.Image``: pass
  ``metadata=image_metadata(fig)``.

Importing this module changes nothing; only loading the extension registers the formatter.
"""
import functools
import re
import unicodedata
import weakref

from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PathCollection, PolyCollection, QuadMesh
from matplotlib.container import BarContainer
from matplotlib.contour import ContourSet
from matplotlib.figure import Figure, FigureBase
from matplotlib.patches import StepPatch

__all__ = ["describe_axes", "describe_figure", "image_metadata", "set_alt_text"]

# Sentences that plot helpers (or notebooks) attached to an Axes or a Figure; weak, so a closed
# figure takes its sentences with it.
_SPECIFIC = weakref.WeakKeyDictionary()


def set_alt_text(target, text):
    """Say in one sentence what ``target`` shows; :func:`describe_figure` then uses it.

    Parameters
    ----------
    target : matplotlib Axes or Figure
        An Axes: the sentence describes that panel (a figure of several panels still names the
        others). A Figure: the sentence describes the whole figure.
    text : str
        What a reader should take from the picture, e.g. "Log loss rises steeply as the predicted
        probability of the true class falls towards 0".

    Returns
    -------
    The ``target``, so a plot helper can ``return set_alt_text(ax, ...)``.
    """
    if not isinstance(target, (Axes, FigureBase)):
        raise TypeError(
            f"set_alt_text needs the matplotlib Axes a helper drew on (or its Figure), not {type(target).__name__}."
        )
    sentence = " ".join(str(text).split()).rstrip(".")
    if not sentence:
        raise ValueError("The alt text is empty: describe in one sentence what the axes show.")
    _SPECIFIC[target] = sentence
    return target


def image_metadata(fig):
    """Output metadata that gives a PNG of ``fig`` its alt text.

    Use it where a figure is rendered to PNG bytes and shown as an image::

        Image(data=png_bytes, format="png", metadata=image_metadata(fig))

    IPython files the entries under the image's MIME type, so the output's metadata becomes
    ``{"image/png": {"alt": "…"}}``.

    Returns
    -------
    dict
        ``{"alt": describe_figure(fig)}``.
    """
    return {"alt": describe_figure(fig)}


# --------------------------------------------------------------------------------------------
# Describing a figure
# --------------------------------------------------------------------------------------------

def describe_figure(fig):
    """One sentence that says what ``fig`` shows (its alt text).

    Uses the sentence given with :func:`set_alt_text` for the figure if there is one; otherwise
    names the figure's title and, panel by panel, what is plotted against what.

    Parameters
    ----------
    fig : matplotlib Figure (or SubFigure)

    Returns
    -------
    str
        A sentence ending with a full stop.
    """
    if not isinstance(fig, FigureBase):
        raise TypeError(f"describe_figure needs a matplotlib Figure, not {type(fig).__name__}.")
    if fig in _SPECIFIC:
        return _sentence(_SPECIFIC[fig])
    title = _plain(fig.get_suptitle()) if hasattr(fig, "get_suptitle") else ""
    panels = _panels(fig)
    if not panels:
        return _sentence(f"{title}: an empty figure" if title else "An empty figure")
    if len(panels) == 1:
        text = _panel_text(panels[0], fig)
        return _sentence(f"{title} — {text}" if title else text)
    names = _panel_names([p[0] for p in panels])
    parts = [f"{name}, {_panel_text(panel, fig)}" for name, panel in zip(names, panels)]
    head = f"{title}, in {len(panels)} panels" if title else f"A figure in {len(panels)} panels"
    return _sentence(f"{head}: " + "; ".join(parts))


def describe_axes(ax):
    """What one Axes shows, as a phrase (no full stop): the sentence set for it, or a description.

    The description names the title, "y against x" from the axis labels, what is drawn and the
    legend entries, e.g. "Cost: J against w, showing 2 curves (squared error, log loss)".
    """
    if ax in _SPECIFIC:
        return _SPECIFIC[ax]
    title = _plain(ax.get_title() or ax.get_title("left") or ax.get_title("right"))
    xlabel, ylabel = _axis_label(ax, "x"), _axis_label(ax, "y")
    if xlabel and ylabel:
        axes_text = f"{ylabel} against {xlabel}"
    elif xlabel or ylabel:
        axes_text = f"{xlabel} on the horizontal axis" if xlabel else f"{ylabel} on the vertical axis"
    else:
        axes_text = ""
    contents = _and(_contents(ax)) or "nothing plotted"
    text = f"{axes_text}, showing {contents}" if axes_text else contents
    return f"{title}: {text}" if title else text


def _axis_label(ax, which):
    """The x or y label of ``ax`` -- or of an axes it shares that axis with (a stacked panel often
    leaves the label to its neighbour) -- with its scale when that is not linear."""
    label = _plain(ax.get_xlabel() if which == "x" else ax.get_ylabel())
    if not label:
        shared = ax.get_shared_x_axes() if which == "x" else ax.get_shared_y_axes()
        for sibling in shared.get_siblings(ax):
            label = _plain(sibling.get_xlabel() if which == "x" else sibling.get_ylabel())
            if label:
                break
    scale = ax.get_xscale() if which == "x" else ax.get_yscale()
    if label and scale != "linear" and scale not in label.lower():
        label += f" (on a {scale} scale)"
    return label


def _panels(fig):
    """[(axes, twins)] of the figure's visible panels; colour bars and twin axes are not panels."""
    colorbar_axes = {m.colorbar.ax for m in _mappables(fig) if getattr(m, "colorbar", None) is not None}
    panels = []
    for ax in fig.axes:
        if not ax.get_visible() or ax in colorbar_axes or (not ax.axison and not _has_content(ax)):
            continue
        bounds = tuple(round(v, 6) for v in ax.get_position().bounds)
        twin_of = next((p for p in panels if p[2] == bounds), None)
        if twin_of is not None:
            twin_of[1].append(ax)
        else:
            panels.append((ax, [], bounds))
    return [(ax, twins) for ax, twins, _ in panels]


def _panel_text(panel, fig):
    ax, twins = panel
    text = describe_axes(ax)
    for twin in twins:
        if twin in _SPECIFIC:
            text += f", and on a second axis {_SPECIFIC[twin]}"
        elif ax not in _SPECIFIC:
            label = _plain(twin.get_ylabel() or twin.get_xlabel())
            contents = _and(_contents(twin)) or "nothing plotted"
            text += f", and on a second axis{f' for {label}' if label else ''}, {contents}"
    for inset in getattr(ax, "child_axes", []):
        if inset.get_visible():
            text += f", with an inset: {describe_axes(inset)}"
    return text


def _panel_names(axes):
    """Where each panel sits on the figure: "left"/"middle"/"right", "top"/"bottom", "top left",
    "second panel from the left", "row 2, column 3" -- or "panel k" where that is ambiguous."""
    boxes = [ax.get_position() for ax in axes]
    # A panel as tall (wide) as two others side by side spans rows (columns): it gets no row (column) word
    spans_rows = [_spans(b, boxes, "y") for b in boxes]
    spans_cols = [_spans(b, boxes, "x") for b in boxes]
    rows = _clusters([-(b.y0 + b.y1) / 2 for b in boxes], skip=spans_rows)  # top row first
    cols = _clusters([(b.x0 + b.x1) / 2 for b in boxes], skip=spans_cols)
    n_rows, n_cols = max(rows + [-1]) + 1, max(cols + [-1]) + 1
    across = {2: ("left", "right"), 3: ("left", "middle", "right")}
    down = {2: ("top", "bottom"), 3: ("top", "middle", "bottom")}
    names = []
    for i, j in zip(rows, cols):
        if n_rows > 3 and n_cols > 1 or n_cols > 3 and n_rows > 1:
            names.append(f"row {i + 1}, column {j + 1}" if i >= 0 and j >= 0 else "")
            continue
        row = "" if i < 0 or n_rows < 2 else down[n_rows][i] if n_rows in down else f"{_ordinal(i)} from the top"
        col = "" if j < 0 or n_cols < 2 else across[n_cols][j] if n_cols in across else f"{_ordinal(j)} from the left"
        if col and not row and n_cols > 3:
            col = col.replace(" from", " panel from")
        if row and not col and n_rows > 3:
            row = row.replace(" from", " panel from")
        names.append(f"{row} {col}".strip())
    if "" in names or len(set(names)) < len(names):
        return [f"panel {k}" for k in range(1, len(axes) + 1)]
    return names


def _spans(box, boxes, axis):
    lo, hi = (box.y0, box.y1) if axis == "y" else (box.x0, box.x1)
    inside = [b for b in boxes if b is not box and lo <= ((b.y0 + b.y1) / 2 if axis == "y" else (b.x0 + b.x1) / 2) <= hi
              and (b.height if axis == "y" else b.width) < 0.7 * (hi - lo)]
    return len(inside) >= 2


def _clusters(centres, skip, gap=0.08):
    """Group index of each value (-1 where ``skip``): values closer than ``gap`` (figure fraction) share one."""
    order = sorted((k for k in range(len(centres)) if not skip[k]), key=centres.__getitem__)
    groups, group, last = [-1] * len(centres), -1, None
    for k in order:
        if last is None or centres[k] - last > gap:
            group += 1
        groups[k], last = group, centres[k]
    return groups


def _ordinal(k):
    words = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
    return words[k] if k < len(words) else f"number {k + 1}"


# --------------------------------------------------------------------------------------------
# What is drawn on one Axes
# --------------------------------------------------------------------------------------------

def _mappables(fig):
    for ax in fig.axes:
        yield from ax.images
        yield from ax.collections


def _has_content(ax):
    return bool(ax.lines or ax.collections or ax.images or ax.patches or ax.texts or ax.get_legend())


def _legend_labels(ax):
    """Labels shown in the axes' legend or in a legend of the whole figure."""
    legends = [ax.get_legend()] + list(getattr(ax.figure, "legends", []))
    return {t.get_text() for legend in legends if legend is not None for t in legend.get_texts()}


def _label(artist, shown):
    label = artist.get_label()
    return _plain(label) if label and not label.startswith("_") and label in shown else ""


def _contents(ax):
    """Phrases for what is drawn on ``ax``, most important first."""
    shown = _legend_labels(ax)
    found = []
    bar_patches = set()

    # Bars and histograms, with their categories when the axis names them
    for container in ax.containers:
        if isinstance(container, BarContainer):
            patches = [p for p in container.patches if p.get_visible()]
            bar_patches.update(container.patches)
            if patches:
                horizontal = getattr(container, "orientation", "vertical") == "horizontal"
                kind = "horizontal bar" if horizontal else "bar"
                label = _label(container, shown) or _label(container.patches[0], shown)  # hist labels a patch
                phrase = _counted(len(patches), kind, label)
                names = _category_names(ax.get_yticklabels() if horizontal else ax.get_xticklabels())
                if names and len(names) <= 12:
                    phrase += " for " + _and(names)
                found.append(phrase)

    # Images and colour maps
    for image in ax.images:
        if not image.get_visible():
            continue
        shape = image.get_array().shape if image.get_array() is not None else (0, 0)
        if 0 < shape[0] <= 12 and 0 < shape[1] <= 12:
            phrase = f"a {shape[0]} × {shape[1]} grid of coloured cells"
        else:
            phrase = "a colour-shaded map"
        found.append(phrase + _colorbar_text(image))

    lines, points, references = [], [], []
    for line in ax.get_lines():
        if not line.get_visible() or len(line.get_xdata()) == 0:
            continue
        if line.get_transform() != ax.transData:
            references.append(line)
        elif line.get_linestyle() in ("None", "none", "", " ") and line.get_marker() not in (None, "None", "none", ""):
            points.append(line)
        else:
            lines.append(line)

    # Curves, with the legend's names for them
    if lines:
        kind = "curve" if any(len(line.get_xdata()) > 2 for line in lines) else "line"
        found.append(_counted_named(len(lines), kind, [_label(line, shown) for line in lines]))

    # Scatter plots (one PathCollection per class in this series) and marked points
    scatter = [c for c in ax.collections if isinstance(c, PathCollection) and c.get_visible() and len(c.get_offsets())]
    if scatter:
        n = sum(len(c.get_offsets()) for c in scatter)
        named = [lb for lb in (_label(c, shown) for c in scatter) if lb]
        phrase = f"a scatter of {n} point{'s' if n != 1 else ''}"
        if len(scatter) > 1 and named:
            phrase += f" in {len(scatter)} groups ({', '.join(named)})"
        elif named:
            phrase += f" ({named[0]})"
        found.append(phrase)
    if points:
        n = sum(len(line.get_xdata()) for line in points)
        named = [lb for lb in (_label(line, shown) for line in points) if lb]
        phrase = f"{n} marked point{'s' if n != 1 else ''}"
        found.append(phrase + (f" ({', '.join(named)})" if named else ""))

    # Contours, colour meshes, shaded bands, segments
    contour_labels = set()
    for coll in ax.collections:
        if not coll.get_visible() or coll in scatter:
            continue
        if isinstance(coll, ContourSet):
            labels = getattr(coll, "labelTexts", [])
            contour_labels.update(labels)
            if coll.filled:
                phrase = "filled contours"
            else:
                phrase = _counted(len(coll.levels), "contour line", _label(coll, shown))
                phrase += " labelled with their values" if labels else ""
            found.append(phrase + _colorbar_text(coll))
        elif isinstance(coll, QuadMesh):
            found.append("a colour-shaded map" + _colorbar_text(coll))
        elif isinstance(coll, PolyCollection):
            found.append("a shaded band" + (f" ({lb})" if (lb := _label(coll, shown)) else ""))
        elif isinstance(coll, LineCollection) and len(coll.get_segments()):
            found.append(_counted(len(coll.get_segments()), "line segment", _label(coll, shown)))

    # Reference lines (axhline / axvline) with where they sit
    horizontal = [line for line in references if _is_flat(line.get_ydata())]
    vertical = [line for line in references if line not in horizontal and _is_flat(line.get_xdata())]
    for group, axis in ((horizontal, "y"), (vertical, "x")):
        if not group:
            continue
        where = "horizontal" if axis == "y" else "vertical"
        values = [float((line.get_ydata() if axis == "y" else line.get_xdata())[0]) for line in group]
        phrase = _counted(len(group), f"{where} line", "")
        if len(group) <= 3:
            phrase += " at " + _and([f"{axis} = {_number(v)}" for v in values])
        found.append(phrase)

    # Step histograms, shaded spans and other patches (not bars, not the axes background)
    others = [p for p in ax.patches if p.get_visible() and p not in bar_patches and p is not ax.patch]
    steps = [p for p in others if isinstance(p, StepPatch)]
    if steps:
        found.append(_counted_named(len(steps), "step histogram", [_label(p, shown) for p in steps]))
    others = [p for p in others if p not in steps]
    if others:
        noun = "shaded region" if all(p.get_fill() for p in others) else "outlined shape"
        found.append(_counted_named(len(others), noun, [_label(p, shown) for p in others]))

    # A few short text labels (e.g. the counts in a confusion matrix); many are only counted
    texts = [_plain(t.get_text()) for t in ax.texts
             if t.get_visible() and t.get_text().strip() and t not in contour_labels]
    if 0 < len(texts) <= 6 and all(len(t) <= 40 for t in texts):
        found.append("text labels " + _and([f"“{t}”" for t in texts]))
    elif texts:
        found.append(f"{len(texts)} text labels")

    if not found and ax.get_legend() is not None:
        found.append("a legend: " + ", ".join(sorted(_plain(t) for t in shown)))
    return found


def _category_names(ticklabels):
    """Tick labels that name categories (not numbers), e.g. feature or class names."""
    names = [_plain(t.get_text()) for t in ticklabels if t.get_text().strip()]
    numeric = re.compile(r"^[\s−\-+0-9.,×eE^⁰¹²³⁴⁵⁶⁷⁸⁹⁻%]*$")
    return names if names and not all(numeric.match(n) for n in names) else []


def _counted_named(n, noun, labels):
    """ "3 curves (a, b, c)"; "30 curves, 5 of them labelled (a, …)" when only some have names."""
    named = [lb for lb in labels if lb]
    if not named or len(named) == n:
        return _counted(n, noun, ", ".join(named))
    return f"{_counted(n, noun, '')}, {len(named)} of them labelled ({', '.join(named)})"


def _number(v):
    """A value as people write it: 0.5, 3.44, 1 × 10⁻⁶."""
    text = f"{v:.3g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        power = f"10{str(int(exponent)).translate(_SUP)}"
        return power if mantissa == "1" else f"{mantissa} × {power}"
    return text.replace("-", "−")


def _colorbar_text(mappable):
    colorbar = getattr(mappable, "colorbar", None)
    if colorbar is None:
        return ""
    label = _plain(colorbar.ax.get_ylabel() if colorbar.orientation == "vertical" else colorbar.ax.get_xlabel())
    return f" with a colour bar for {label}" if label else " with a colour bar"


def _is_flat(values):
    values = list(values)
    return len(values) > 0 and all(v == values[0] for v in values)


def _counted(n, noun, labels):
    phrase = f"a {noun}" if n == 1 else f"{n} {noun}s"
    return f"{phrase} ({labels})" if labels else phrase


def _and(items):
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _sentence(text):
    text = " ".join(text.split()).rstrip(".")
    if text[:1].isascii():  # "λ = 0.1" must not become "Λ = 0.1"
        text = text[:1].upper() + text[1:]
    return text + "."


# --------------------------------------------------------------------------------------------
# Mathtext ($\hat y$, $x_1$, ...) as plain words and symbols
# --------------------------------------------------------------------------------------------

_SYMBOLS = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
    "eta": "η", "theta": "θ", "lambda": "λ", "mu": "μ", "pi": "π", "sigma": "σ", "tau": "τ",
    "phi": "φ", "omega": "ω", "Delta": "Δ", "Sigma": "Σ", "nabla": "∇", "partial": "∂",
    "top": "ᵀ", "cdot": "·", "times": "×", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥",
    "neq": "≠", "approx": "≈", "infty": "∞", "to": "→", "rightarrow": "→", "mid": "|", "pm": "±",
    "log": "log", "exp": "exp", "ln": "ln", "sum": "Σ", "in": "∈", "lvert": "|", "rvert": "|",
}
_SUB = str.maketrans("0123456789+-=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎")
_SUP = str.maketrans("0123456789+-=()n", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿ")


def _plain(text):
    return _plain_text(str(text or ""))


@functools.lru_cache(maxsize=1024)  # labels repeat on every slider move
def _plain_text(text):
    """Label text without mathtext markup: "$\\hat y_i$" -> "ŷᵢ"-like plain characters."""
    text = " ".join(text.split())
    if "$" not in text:
        return text
    text = re.sub(r"\$([^$]*)\$", lambda m: _plain_math(m.group(1)), text).replace("$", "")
    return unicodedata.normalize("NFC", text)  # y + combining hat -> ŷ


def _plain_math(tex):
    tex = re.sub(r"\\(?:mathrm|text|mathit|mathbf|operatorname|mathcal|boldsymbol)\s*\{([^{}]*)\}", r"\1", tex)
    tex = re.sub(r"\\hat\s*\{?\s*([A-Za-z])\s*\}?", lambda m: m.group(1) + "\u0302", tex)
    tex = re.sub(r"\\bar\s*\{?\s*([A-Za-z])\s*\}?", lambda m: m.group(1) + "\u0304", tex)
    tex = re.sub(r"\\tilde\s*\{?\s*([A-Za-z])\s*\}?", lambda m: m.group(1) + "\u0303", tex)
    tex = re.sub(r"\\(?:,|;|!|:|quad|qquad)", " ", tex)
    tex = re.sub(r"\^\s*\{?\s*\\top\s*\}?", "ᵀ", tex)
    tex = re.sub(r"\\([A-Za-z]+)", lambda m: _SYMBOLS.get(m.group(1), m.group(1)), tex)
    tex = re.sub(r"_\{([0-9+\-=()]+)\}|_([0-9])", lambda m: (m.group(1) or m.group(2)).translate(_SUB), tex)
    tex = re.sub(r"\^\{([0-9+\-=()n]+)\}|\^([0-9n])", lambda m: (m.group(1) or m.group(2)).translate(_SUP), tex)
    tex = re.sub(r"[_^]\{([^{}]*)\}", r" \1", tex)
    tex = tex.replace("{", "").replace("}", "").replace("_", " ").replace("^", " ")
    return " ".join(tex.split())


# --------------------------------------------------------------------------------------------
# IPython extension: %load_ext helpers.plots.alt_text
# --------------------------------------------------------------------------------------------

_INLINE_BACKENDS = ("inline", "module://matplotlib_inline.backend_inline")


def _png_with_alt(previous):
    """A PNG printer for Figures: ``previous``'s PNG (or a tight PNG) plus ``{"alt": …}``."""

    def printer(fig):
        if previous is not None:
            data = previous(fig)
        else:
            from IPython.core.pylabtools import print_figure

            data = print_figure(fig, fmt="png", base64=True)
        if data is None:  # an empty figure shows nothing
            return None
        metadata = {}
        if isinstance(data, tuple):  # e.g. the retina printer adds width and height
            data, metadata = data[0], dict(data[1] or {})
        metadata["alt"] = describe_figure(fig)
        return data, metadata

    printer.wrapped = previous
    return printer


def _install(shell):
    """Wrap the PNG printer for Figures (once) so every figure's output carries alt text."""
    png = shell.display_formatter.formatters["image/png"]
    try:
        current = png.lookup_by_type(Figure)
    except KeyError:
        current = None
    if current is not None and hasattr(current, "wrapped"):
        return  # already ours
    png.for_type(Figure, _png_with_alt(current))


def _before_cell(*_args):
    # Changing the inline backend's figure formats (%config InlineBackend.figure_formats = …,
    # set_matplotlib_formats) replaces every Figure formatter: wrap the new one before the next
    # cell runs. (Figures of the cell that made the change are shown without alt text.)
    from IPython import get_ipython

    shell = get_ipython()
    if shell is not None:
        _install(shell)


def load_ipython_extension(shell):
    """``%load_ext helpers.plots.alt_text``: figures shown in this kernel carry alt text.

    The inline backend sets up its figure formatters the first time pyplot is used, which
    would replace one registered earlier; so this first lets it do that (it happens anyway once
    a notebook draws a figure), then wraps its PNG printer, keeping its settings (tight bounding
    box, retina) and adding ``{"alt": describe_figure(fig)}`` to the image's metadata.
    """
    import matplotlib

    if matplotlib.get_backend(auto_select=False) in _INLINE_BACKENDS:
        import matplotlib_inline.backend_inline  # noqa: F401 -- importing it configures the shell once
    if _before_cell not in shell.events.callbacks["pre_run_cell"]:
        shell.events.register("pre_run_cell", _before_cell)
    _install(shell)


def unload_ipython_extension(shell):
    """``%unload_ext helpers.plots.alt_text``: figures are shown as before."""
    if _before_cell in shell.events.callbacks["pre_run_cell"]:
        shell.events.unregister("pre_run_cell", _before_cell)
    png = shell.display_formatter.formatters["image/png"]
    try:
        current = png.lookup_by_type(Figure)
    except KeyError:
        return
    if hasattr(current, "wrapped"):
        png.pop(Figure)
        if current.wrapped is not None:
            png.for_type(Figure, current.wrapped)
