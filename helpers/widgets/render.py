"""Draw a cache miss faster: redraw only what an update changed (blitting).

Used by an :class:`~helpers.widgets.core.Explorer` built with ``partial=True``, where the benchmark
measured it at least 1.5x faster than a full ``fig.canvas.draw()`` of the same figure (benchmarks/run.py);
every image it makes is compared with a full draw in the tests and the benchmark.

After a slider move only a few artists change (a line's data, a marker, a
text). Drawing the whole figure again each time is what makes a naive
slider slow. :class:`FigureRenderer` keeps a picture of everything that does
not change and, per move, paints only the changed artists over it -- plus
every artist drawn above them in the same axes, so the layering is exactly
that of a full draw.

Which artists change is found out, not declared: matplotlib marks an artist
*stale* when one of its properties is set. A change it cannot blit (new axis
limits or ticks, an artist removed from the background) simply triggers a
full draw and a fresh background. A figure with SubFigures is always drawn in
full (their artists are not in ``fig.axes``), and no artist is left
``animated`` between renders, so a plain ``fig.canvas.draw()`` draws everything.
"""
import io

import numpy as np
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure, SubFigure
from PIL import Image as PILImage


def encode_png(rgba):
    """PNG bytes of an RGBA buffer, as every explorer image is encoded: RGB (figures are opaque), zlib level 1."""
    buffer = io.BytesIO()
    PILImage.fromarray(np.ascontiguousarray(np.asarray(rgba)[..., :3])).save(buffer, format="png", compress_level=1)
    return buffer.getvalue()


class FigureRenderer:
    """Render ``fig`` to PNG bytes, redrawing only the artists that changed since the last render."""

    def __init__(self, fig):
        self.fig = fig
        self.canvas = FigureCanvasAgg(fig)
        self.dynamic = set()        # artists drawn on top of the background at every render
        self.background = None
        self.known = set()          # every artist of the last render
        self.limits = {}

    # -- what changed ---------------------------------------------------------------------------
    def _artists(self):
        return {a for a in self.fig.findobj() if a is not self.fig}

    def _snapshot_limits(self):
        return {ax: (ax.get_xlim(), ax.get_ylim()) for ax in self.fig.axes}

    def _stale_leaves(self, artists):
        return {a for a in artists if a.stale and not isinstance(a, (Figure, SubFigure, Axes))}

    def _layered(self, changed):
        """``changed`` plus everything drawn after it that could overlap it.

        Within an axes that is every artist at or above the lowest changed zorder;
        an axes drawn later that overlaps (a twin, an inset) is taken whole.
        """
        out = set(changed)
        touched = [ax for ax in self.fig.axes if any(a.axes is ax for a in changed)]
        for ax in touched:
            lowest = min(a.get_zorder() for a in changed if a.axes is ax)
            # the axes' background patch is always drawn first, so it stays in the background
            out.update(a for a in ax.get_children() if a.get_zorder() >= lowest and a is not ax.patch)
        if touched:
            first = min(self.fig.axes.index(ax) for ax in touched)
            boxes = [ax.get_position() for ax in touched]
            for later in self.fig.axes[first + 1:]:
                if later not in touched and any(later.get_position().overlaps(b) for b in boxes):
                    out.update(later.get_children())
        return out

    # -- drawing --------------------------------------------------------------------------------
    def _full_draw(self):
        for a in self.dynamic:
            a.set_animated(True)
        try:
            self.canvas.draw()  # draws everything that is not animated
        finally:
            for a in self.dynamic:
                a.set_animated(False)  # nothing stays hidden from a plain draw
        self.background = self.canvas.copy_from_bbox(self.fig.bbox)

    def _draw_dynamic(self):
        """Draw the dynamic artists in the order a full draw would (Axes.draw's stable zorder sort)."""
        renderer = self.canvas.get_renderer()
        for ax in self.fig.axes:
            children = [a for a in ax.get_children() if a in self.dynamic]
            if ax.patch in self.dynamic:  # only when a later, overlapping axes is redrawn whole
                children.remove(ax.patch)
                if ax.patch.get_visible():
                    ax.patch.draw(renderer)
            for a in sorted(children, key=lambda a: a.get_zorder()):  # sorted() is stable
                if a.get_visible():
                    a.draw(renderer)
        for a in self.fig.get_children():
            if a in self.dynamic and a.axes is None and a.get_visible():
                a.draw(renderer)

    def _plain_draw(self):
        """A full draw with nothing held back; the next change starts a new background."""
        self.dynamic, self.background = set(), None
        self.canvas.draw()

    def invalidate(self):
        """Forget what was drawn: the next render is a full draw (call it when the figure was drawn or changed
        outside :meth:`render`, e.g. by a plain ``fig.canvas.draw()``, which clears the stale flags)."""
        self.known = set()

    def render(self):
        """PNG bytes of the figure as it is now."""
        artists = self._artists()
        changed = self._stale_leaves(artists) | (artists - self.known)
        if not self.known or self.fig.subfigs or (
            self._snapshot_limits() != self.limits
            or any(isinstance(a, Axis) for a in changed)      # ticks moved: the frame changes
            or bool((self.known - artists) - self.dynamic)     # something left the background
        ):
            self._plain_draw()
        else:
            new = self._layered(changed) - self.dynamic
            self.dynamic = {a for a in self.dynamic | new if a in artists}
            if new or self.background is None:
                self._full_draw()
            else:
                self.canvas.restore_region(self.background)
            self._draw_dynamic()
        for a in artists:
            a.stale = False
        self.known, self.limits = artists, self._snapshot_limits()
        return encode_png(np.asarray(self.canvas.buffer_rgba()))
