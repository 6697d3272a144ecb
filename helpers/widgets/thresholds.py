"""Threshold explorer: a decision tool for one threshold, what it costs, and on which data.

The exemplar of the series' explorers (see README.md beside this file): one view on a laptop,
every key press visibly answers, one typed result and one number format. Three controls: the
threshold, the cost of a missed positive (in false alarms) and -- when held-out data are given --
which data to evaluate on (choose on validation data; look at the test set at the end).
"""
from dataclasses import dataclass

import numpy as np
from matplotlib.ticker import FixedLocator, MultipleLocator, NullLocator
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score, roc_curve

from ..plots.alt_text import set_alt_text
from ..plots.evaluation import (histogram_cap, move_cost_curve, move_operating_point, move_score_histograms,
                                plot_cost_curve, plot_pr_with_point, plot_roc_with_point, plot_score_histograms,
                                score_histogram_counts)
from ..thresholds import bayes_threshold, expected_cost, lowest_cost_thresholds, threshold_report, threshold_table
from .core import Explorer, explorer_figure, find_artist, max_figure_height_in, number, shown, slider, toggle

THRESHOLD_FMT = ".2f"
#: The threshold slider's positions: one ArrowRight moves the threshold line 0.01 (5 px in the histograms).
THRESHOLDS = np.round(np.linspace(0.0, 1.0, 101), 2)
COST_FMT = ".3~g"
#: The cost slider's positions (a missed positive, in false alarms): about log-spaced, so each step moves the
#: right part of the cost curve by a visible amount on its log axis.
COST_RATIOS = (1, 1.5, 2, 3, 5, 7, 10, 15, 20, 30, 50, 70, 100)
#: The zoomed ROC and PR panels show the curves for thresholds in this range (the ends run to the corners).
_ZOOM_RANGE = (0.02, 0.98)


@dataclass(frozen=True)
class ThresholdResult:
    """What the threshold explorer shows at one state (from :func:`helpers.thresholds.threshold_report` and
    :func:`helpers.thresholds.expected_cost`).

    The readout shows the four rates, the expected cost and where it is lowest; the counts are written in
    the figure, the threshold and the cost ratio on their sliders and in the titles, so the readout does
    not repeat them.
    """
    threshold: float
    tp: int
    fp: int
    tn: int
    fn: int
    recall: float = shown("recall ({positive_name})", ".3f")
    precision: float = shown("precision ({positive_name})", ".3f")
    specificity: float = shown("specificity ({negative_name})", ".3f")
    npv: float = shown("NPV ({negative_name})", ".3f")
    cost: float = shown("cost per {example_name}", ".3f")
    lowest_cost_at: str = shown("lowest cost at τ")
    f1: float = 0.0
    fpr: float = 0.0
    cost_ratio: float = 1.0
    lowest_cost: float = 0.0
    data: str = ""
    positive_name: str = "positive"
    negative_name: str = "negative"
    example_name: str = "example"

    @classmethod
    def from_report(cls, report, positive_name="positive", negative_name="negative", cost_ratio=1.0,
                    lowest=None, lowest_cost=None, data="", example_name="example"):
        """The result at ``report`` (a threshold report); ``lowest`` are the runs of
        :func:`~helpers.thresholds.lowest_cost_thresholds` and ``lowest_cost`` their cost."""
        runs = ", ".join(number(lo, THRESHOLD_FMT) if lo == hi
                         else f"{number(lo, THRESHOLD_FMT)}–{number(hi, THRESHOLD_FMT)}" for lo, hi in lowest or [])
        return cls(report["threshold"], report["tp"], report["fp"], report["tn"], report["fn"],
                   report["recall"], report["precision"], report["specificity"], report["npv"],
                   expected_cost(report, cost_ratio), runs or "none", report["f1"], report["fpr"], float(cost_ratio),
                   float(lowest_cost) if lowest_cost is not None else expected_cost(report, cost_ratio), data,
                   positive_name, negative_name, example_name)


def _snap(value, grid, what):
    grid = np.asarray(grid, float)
    k = int(np.argmin(np.abs(grid - float(value))))
    if not np.isclose(grid[k], value, rtol=0, atol=1e-9):
        raise ValueError(f"{what}={value!r} is not a position of its slider; use one of {list(grid)}.")
    return grid[k]


def _zoom(values_low, values_high, pad=0.02):
    """Axis limits (rounded out to 0.05) holding the given values; the whole axis when that is most of it."""
    low = max(-0.02, np.floor((min(values_low) - pad) / 0.05) * 0.05)
    high = min(1.02, np.ceil((max(values_high) + pad) / 0.05) * 0.05)
    return (-0.02, 1.02) if high - low > 0.8 else (float(low), float(high))


class _Split:
    """Everything the explorer shows about one data set, computed once: a move only looks things up."""

    def __init__(self, name, y_true, y_prob, positive_label, cost_ratios):
        self.name, self.y, self.p = name, np.asarray(y_true), np.asarray(y_prob, float)
        self.n = self.y.size
        table = threshold_table(self.y, self.p, THRESHOLDS, positive_label=positive_label)
        self.reports = {t: {"threshold": t, **row} for t, row in zip(THRESHOLDS, table.to_dict("records"))}
        self.cost = {r: expected_cost(table, r) for r in cost_ratios}
        self.lowest = {r: lowest_cost_thresholds(self.cost[r]) for r in cost_ratios}
        self.counts = score_histogram_counts(self.y, self.p, positive_label)
        is_pos = self.y == positive_label
        self.roc = roc_curve(is_pos, self.p)[:2]
        precision, recall, _ = precision_recall_curve(is_pos, self.p)
        self.pr = (recall, precision)
        self.auc, self.ap, self.prevalence = roc_auc_score(is_pos, self.p), average_precision_score(is_pos, self.p), \
            is_pos.mean()
        inner = [self.reports[t] for t in THRESHOLDS if _ZOOM_RANGE[0] <= t <= _ZOOM_RANGE[1]]
        self.fpr_max = max(r["fpr"] for r in inner)
        self.recall_min = min(r["recall"] for r in inner)
        self.precision_min = min(r["precision"] for r in inner)


def _titles(result, split, positive_name, negative_name, example_name, many):
    alarms = f"{result.fp} false alarm{'s' if result.fp != 1 else ''}"
    data = f"{split.name.capitalize()} data ({split.n}): " if many else ""
    return (f"{data}{positive_name} if P ≥ {number(result.threshold, THRESHOLD_FMT)}: "
            f"{result.fn} missed, {alarms}",
            f"Expected cost per {example_name}: a missed {positive_name} = "
            f"{number(result.cost_ratio, COST_FMT)} false alarm{'s' if result.cost_ratio != 1 else ''}")


def threshold_explorer(y_true, y_prob, positive_label=1, positive_name="positive", negative_name="negative",
                       threshold=0.5, cost_ratio=10, held_out=None, data_names=("validation", "test"),
                       example_name="example"):
    """A decision tool for the threshold: where the errors come from, what they cost, on which data.

    Top left: back-to-back histograms of the score for each actual class, cut by the threshold
    (errors hatched, the four counts beside the line). Bottom left: the expected cost per example
    against the threshold when a missed positive costs ``cost_ratio`` false alarms, the thresholds
    where it is lowest (shaded) and 1 / (1 + cost ratio), the best threshold if the probabilities
    were calibrated (dotted). Right: the ROC and precision-recall curves, zoomed to where they live,
    with the operating point. The readout gives recall, precision, specificity and NPV, the cost
    per example and the thresholds where it is lowest.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        The data the threshold is chosen on (validation data).
    y_prob : array-like of shape (n_samples,)
        Probability of ``positive_label``; an example is predicted positive when ``y_prob >= threshold``.
    positive_label : default=1
        The label in ``y_true`` that ``y_prob`` refers to.
    positive_name, negative_name : str
        Class names for the figure and the readout (e.g. "malignant", "benign").
    threshold : float, default=0.5
        Initial threshold (snapped to the 0.01 grid).
    cost_ratio : float, default=10
        Initial cost of a missed positive in false alarms, one of :data:`COST_RATIOS`.
    held_out : (y_true, y_prob), optional
        Data kept for the end (the test set). Adds a switch between ``data_names``.
    data_names : (str, str)
        Names of the two data sets on the switch and in the title.
    example_name : str
        What one example is ("patient"), for the cost readout.

    Returns
    -------
    Explorer
        Already displayed; ``explorer.result`` is a :class:`ThresholdResult`.
    """
    threshold_report(y_true, y_prob, threshold, positive_label=positive_label)  # validates the data and threshold
    cost_ratio = _snap(cost_ratio, COST_RATIOS, "cost_ratio")
    splits = {data_names[0]: _Split(data_names[0], y_true, y_prob, positive_label, COST_RATIOS)}
    if held_out is not None:
        if not isinstance(held_out, (tuple, list)) or len(held_out) != 2:
            raise TypeError("held_out must be a pair (y_true, y_prob) of the data kept for the end, e.g. the test set.")
        threshold_report(held_out[0], held_out[1], threshold, positive_label=positive_label)
        splits[data_names[1]] = _Split(data_names[1], *held_out, positive_label, COST_RATIOS)
    many = len(splits) > 1
    first = splits[data_names[0]]
    start = first.reports[_snap(threshold, THRESHOLDS, "threshold")]

    # fixed axes for every state: one count scale, one cost scale, one zoom for all the data sets
    cap = histogram_cap(*(c for s in splits.values() for c in s.counts))
    costs = np.concatenate([np.asarray(c) for s in splits.values() for c in s.cost.values()])
    cost_ylim = (costs[costs > 0].min() / 1.6, costs.max() * 1.6)
    roc_limits = (_zoom([0], [s.fpr_max for s in splits.values()]),
                  _zoom([s.recall_min for s in splits.values()], [1]))
    pr_limits = (roc_limits[1], _zoom([s.precision_min for s in splits.values()], [1]))

    control_rows = 2 + many
    fig = explorer_figure(9.2, min(4.8, max_figure_height_in(control_rows, 2)), control_rows=control_rows,
                          readout_lines=2)
    (ax_hist, ax_roc), (ax_cost, ax_pr) = fig.subplots(2, 2, gridspec_kw={"width_ratios": [1.85, 1],
                                                                           "height_ratios": [1.3, 1]})
    plot_score_histograms(first.y, first.p, start, ax=ax_hist, positive_label=positive_label,
                          positive_name=positive_name, negative_name=negative_name, cap=cap)
    plot_cost_curve(first.cost[cost_ratio], start, ax=ax_cost, lowest=first.lowest[cost_ratio],
                    bayes=bayes_threshold(cost_ratio), ylim=cost_ylim, positive_name=positive_name)
    # the curves are drawn once with scikit-learn's Displays; a move only sets their data and the points
    plot_roc_with_point(first.y, first.p, start, ax=ax_roc, positive_label=positive_label,
                        positive_name=positive_name, limits=roc_limits)
    plot_pr_with_point(first.y, first.p, start, ax=ax_pr, positive_label=positive_label,
                       positive_name=positive_name, limits=pr_limits)
    ax_hist.set(xlabel="")
    ax_hist.tick_params(axis="x", labelbottom=False)
    ax_cost.set_xlim(ax_hist.get_xlim())
    decades = 10.0 ** np.arange(np.ceil(np.log10(cost_ylim[0])), np.floor(np.log10(cost_ylim[1])) + 1)
    ax_cost.yaxis.set_major_locator(FixedLocator(decades))
    ax_cost.yaxis.set_minor_locator(NullLocator())  # few ticks: each costs a text layout at every draw
    ax_cost.set_ylabel(f"per {example_name}\n(false alarms)")
    ax_cost.legend(loc="upper left", fontsize=8, frameon=False, handlelength=1.4, borderaxespad=0.2)
    for ax, xlabel, ylabel in ((ax_roc, "false-positive rate", f"recall ({positive_name})"),
                               (ax_pr, f"recall ({positive_name})", "precision")):
        ax.set(xlabel=xlabel, ylabel=ylabel)
        ax.get_legend().remove()
        ax.xaxis.set_major_locator(_locator(ax.get_xlim()))
        ax.yaxis.set_major_locator(_locator(ax.get_ylim()))
    for ax in fig.axes:
        ax.tick_params(labelsize=8.5)
        ax.xaxis.label.set_fontsize(9)
        ax.yaxis.label.set_fontsize(9)
        ax.title.set_fontsize(9.5)
    set_alt_text(fig, f"Threshold explorer on {first.name} data: histograms of P({positive_name}) for "
                      f"{positive_name} (up) and {negative_name} (down) examples cut by the threshold, with the errors "
                      f"hatched; the expected cost per {example_name} against the threshold; and the ROC and "
                      "precision-recall curves, zoomed, with the operating point")
    _freeze_labels_after_first_draw(fig)
    curves = {"roc": find_artist(ax_roc, "roc-curve"), "pr": find_artist(ax_pr, "pr-curve"),
              "chance": find_artist(ax_pr, "chance-level")}

    def update(threshold, cost_ratio, data=data_names[0]):
        split = splits[data]
        report = split.reports[threshold]
        result = ThresholdResult.from_report(report, positive_name, negative_name, cost_ratio,
                                             split.lowest[cost_ratio], split.cost[cost_ratio].min(), data,
                                             example_name)
        move_score_histograms(ax_hist, report, counts=split.counts)
        move_cost_curve(ax_cost, split.cost[cost_ratio], report, lowest=split.lowest[cost_ratio],
                        bayes=bayes_threshold(cost_ratio))
        curves["roc"].set_data(*split.roc)
        curves["pr"].set_data(*split.pr)
        curves["chance"].set_ydata([split.prevalence, split.prevalence])
        move_operating_point(ax_roc, report["fpr"], report["tpr"])
        move_operating_point(ax_pr, report["recall"], report["precision"])
        hist_title, cost_title = _titles(result, split, positive_name, negative_name, example_name, many)
        # y given: no title sits above top ticks here, so matplotlib need not measure for one at every draw
        ax_hist.set_title(hist_title, loc="left", fontsize=10, y=1.0)
        ax_cost.set_title(cost_title, loc="left", fontsize=9.5, y=1.0)
        ax_roc.set_title(f"ROC, zoomed (AUC {number(split.auc, '.3f')})", fontsize=9.5, y=1.0)
        ax_pr.set_title(f"Precision-recall, zoomed (AP {number(split.ap, '.3f')})", fontsize=9.5, y=1.0)
        return result

    controls = {"threshold": slider(f"threshold on P({positive_name})", THRESHOLDS, start["threshold"],
                                    THRESHOLD_FMT),
                "cost_ratio": slider(f"missed {positive_name} costs (false alarms)", COST_RATIOS, cost_ratio,
                                     COST_FMT)}
    if many:
        controls["data"] = toggle("evaluate on", list(splits), data_names[0])
    return Explorer(fig, controls, update, name="threshold_explorer").show()


def _locator(limits):
    """Ticks every 0.05, 0.1 or 0.25 -- at most about five on a zoomed axis."""
    span = limits[1] - limits[0]
    return MultipleLocator(0.05 if span <= 0.3 else 0.1 if span <= 0.6 else 0.25)


def _freeze_labels_after_first_draw(fig):
    """After the first draw (constrained layout has placed everything), pin every axis label where it is: the
    axes, ticks and limits never change afterwards, so later draws need not measure tick labels to place them."""
    def freeze(event):
        fig.canvas.mpl_disconnect(cid)
        for ax in fig.axes:
            for axis in (ax.xaxis, ax.yaxis):
                anchor = axis.label.get_transform().transform(axis.label.get_position())
                axis.set_label_coords(*ax.transAxes.inverted().transform(anchor))

    cid = fig.canvas.mpl_connect("draw_event", freeze)
