"""helpers: the small library behind the logistic-regression notebook series.

Modules by role:

- :mod:`helpers.maths`   sigmoid, logit, losses, softmax, gradients
- :mod:`helpers.models`  from-scratch, scikit-learn-compatible estimators
- :mod:`helpers.data`    bundled and seeded synthetic data sets
- :mod:`helpers.plots`   figure helpers (each takes ``ax=None`` and returns the axes)
- :mod:`helpers.widgets` sliders wired to pure functions (``core``: the one widget pattern,
  ``render``: redraw only what changed)
- one module of pure functions per lesson, which its widget shows and its notebook prints:
  :mod:`~helpers.linear_baseline` (01), :mod:`~helpers.curves` (02, 03), :mod:`~helpers.descent` (04),
  :mod:`~helpers.thresholds` (05), :mod:`~helpers.boundaries` (06, 07), :mod:`~helpers.multiclass` (07),
  :mod:`~helpers.regularization` (08), :mod:`~helpers.calibration` (09)

Importing the package changes no global state (no seeding, no rcParams).
"""
from .data import (
    load_breast_cancer_split,
    load_iris_split,
    make_linear_2d,
    make_logistic_data,
    make_moons_2d,
    make_rings,
    make_tumour_sizes,
)
from .maths import (
    binary_cross_entropy,
    binary_cross_entropy_from_logits,
    logistic_cost,
    logistic_gradient,
    logit,
    numerical_gradient,
    predict_at_threshold,
    relative_error,
    sigmoid,
    sigmoid_squared_error,
    softmax,
)
from .models import LogisticRegressionScratch, SoftmaxRegressionScratch

__version__ = "0.1.0"

__all__ = [
    "LogisticRegressionScratch",
    "SoftmaxRegressionScratch",
    "binary_cross_entropy",
    "binary_cross_entropy_from_logits",
    "load_breast_cancer_split",
    "load_iris_split",
    "logistic_cost",
    "logistic_gradient",
    "logit",
    "make_linear_2d",
    "make_logistic_data",
    "make_moons_2d",
    "make_rings",
    "make_tumour_sizes",
    "numerical_gradient",
    "predict_at_threshold",
    "relative_error",
    "sigmoid",
    "sigmoid_squared_error",
    "softmax",
]
