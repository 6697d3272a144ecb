"""Input checks shared by every public function and model.

Each check either returns a clean NumPy array or raises an error whose
message says what is wrong *and* what to do about it.
"""
import numbers

import warnings

import numpy as np
import scipy.sparse
from sklearn.exceptions import DataConversionWarning
from sklearn.utils.multiclass import type_of_target


_IMPUTE_ADVICE = "remove or impute missing values first (e.g. with sklearn.impute.SimpleImputer)"


def as_float_array(a, name="X", ndim=None, nan_advice=_IMPUTE_ADVICE):
    """Convert ``a`` (list, array, pandas object) to a float array without NaN.

    ``nan_advice`` ends the error raised for NaN: what the caller should do about it.
    """
    if a is None:
        raise TypeError(f"{name} is None; pass an array-like of numbers.")
    if scipy.sparse.issparse(a):
        raise TypeError(f"{name} is a sparse matrix, which is not supported here; convert it with {name}.toarray().")
    try:
        arr = np.asarray(a)
    except ValueError as exc:  # e.g. ragged nested lists
        raise ValueError(f"{name} could not be read as an array ({exc}); give every row the same length.") from None
    if arr.dtype.kind == "c":
        raise ValueError(f"Complex data not supported: {name} holds complex numbers; pass real numbers.")
    try:
        arr = arr.astype(float, copy=False)  # no copy when X is already float: large X stays 1x in memory
    except (TypeError, ValueError) as exc:
        raise TypeError(
            f"{name} must contain only numbers ({exc}); encode text or "
            "categories as numbers first (e.g. with sklearn's OneHotEncoder)."
        ) from None
    if ndim is not None and arr.ndim != ndim:
        if ndim == 2 and arr.ndim == 1:
            hint = ("Reshape your data: X.reshape(-1, 1) for a single feature, "
                    "or X.reshape(1, -1) for a single example")
        elif ndim == 1 and arr.ndim == 2 and 1 in arr.shape:
            hint = "Flatten it with .ravel()"
        else:
            hint = f"Pass a {ndim}-D array"
        raise ValueError(f"{name} must be {ndim}-D but has shape {arr.shape}. {hint}.")
    if arr.size == 0:
        if arr.ndim == 2 and arr.shape[0] > 0:
            raise ValueError(
                f"{name} has 0 feature(s) (shape={arr.shape}) while a minimum of 1 is required; "
                "pass at least one feature column."
            )
        raise ValueError(f"{name} is empty (shape {arr.shape}); pass at least one example.")
    if np.isnan(arr).any():
        raise ValueError(f"{name} contains NaN; {nan_advice}.")
    return arr


def check_finite(arr, name="X"):
    """Reject +/-inf (NaN is already rejected by :func:`as_float_array`)."""
    if np.isinf(arr).any():
        raise ValueError(f"{name} contains infinite values; remove them or clip them to a finite range.")
    return arr


def check_X(X, name="X"):
    """A finite 2-D float array of shape (n_samples, n_features)."""
    return check_finite(as_float_array(X, name=name, ndim=2), name)


def check_labels(y, n_samples, name="y"):
    """A 1-D label vector of length ``n_samples`` that holds class labels."""
    if y is None:
        raise ValueError(f"This classifier requires y to be passed, but the target {name} is None; pass the class labels.")
    y = np.asarray(y)
    if y.ndim == 2 and y.shape[1] == 1:
        warnings.warn(
            f"A column-vector {name} was passed when a 1d array was expected; it was flattened. "
            "Pass y.ravel() to silence this.",
            DataConversionWarning, stacklevel=4,
        )
        y = y.ravel()
    if y.ndim != 1:
        raise ValueError(f"{name} must be 1-D (one label per example) but has shape {y.shape}.")
    if y.shape[0] != n_samples:
        raise ValueError(
            f"X has {n_samples} examples but {name} has {y.shape[0]} labels; "
            "they must have the same length (one label per row of X)."
        )
    if y.dtype.kind in "fc" and not np.isfinite(y).all():
        raise ValueError(f"{name} contains NaN or infinity; every example needs a finite class label.")
    if type_of_target(y) == "continuous":
        raise ValueError(
            f"{name} looks continuous (e.g. {y[0]!r}); a classifier needs class labels. "
            "Use LinearRegression for a numeric target, or turn it into classes first "
            "(e.g. y = (y > cut).astype(int))."
        )
    return y


def check_binary_targets(y_true, name="y_true"):
    """A 1-D array of 0/1 targets (as floats) for the loss functions."""
    y = as_float_array(y_true, name=name)
    if not np.isin(y, (0.0, 1.0)).all():
        raise ValueError(f"{name} must contain only 0 and 1; map your two classes to 0/1 first.")
    return y


def check_probabilities(p, name="y_prob"):
    """Values in [0, 1] (so finite, and never NaN)."""
    p = as_float_array(
        p, name=name,
        nan_advice="a probability is a number in [0, 1], so look at the model or computation that produced it",
    )
    if ((p < 0) | (p > 1)).any():
        raise ValueError(
            f"{name} must hold probabilities in [0, 1] but ranges from {p.min():.4g} to {p.max():.4g}; "
            "did you pass logits? Apply sigmoid() first, or use the *_from_logits version."
        )
    return p


def check_same_length(a, b, name_a, name_b):
    if np.shape(a) != np.shape(b):
        raise ValueError(
            f"{name_a} has shape {np.shape(a)} but {name_b} has shape {np.shape(b)}; "
            "they must match (one value per example)."
        )


def check_threshold(threshold):
    if isinstance(threshold, bool) or not isinstance(threshold, numbers.Real):
        raise TypeError(f"threshold must be a number in [0, 1], got {threshold!r}.")
    if not 0.0 <= threshold <= 1.0 or np.isnan(threshold):
        raise ValueError(
            f"threshold must be in [0, 1] (it is compared with P(y=1)), got {threshold}."
        )
    return float(threshold)


def check_positive(value, name, allow_inf=False):
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a positive number, got {value!r}.")
    if np.isnan(value) or value <= 0 or (np.isinf(value) and not allow_inf):
        extra = " or np.inf" if allow_inf else ""
        raise ValueError(f"{name} must be a positive number{extra}, got {value}.")
    return value


def check_int(value, name, minimum=0):
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer >= {minimum}, got {value!r}.")
    if value < minimum:
        raise ValueError(f"{name} must be an integer >= {minimum}, got {value}.")
    return int(value)
