"""Checks of the scalar parameters and grids that the lesson modules take.

:mod:`helpers._validation` checks arrays of data (X, labels, probabilities) for
the maths, the models and the lessons alike; this module checks the knobs of
the lessons: a single finite number (a weight, an intercept, a target loss) and
a grid of C. Like every check in the package, each returns the clean value or
raises an error that says what to pass instead.
"""
import numbers

import numpy as np

from ._validation import as_float_array


def check_real(value, name):
    """``value`` as a float: a finite real number (not a bool, a string or an array).

    >>> check_real(2, "w")
    2.0
    >>> check_real(float("inf"), "w")
    Traceback (most recent call last):
    ...
    ValueError: w must be a finite real number, got inf.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a finite real number, got {value!r}.")
    if not np.isfinite(value):
        raise ValueError(f"{name} must be a finite real number, got {value}.")
    return float(value)


def check_Cs(Cs):
    """A 1-D float array of inverse penalty strengths C, each finite and > 0.

    A single number is read as a grid of one. The order is kept; sort or
    de-duplicate afterwards if the caller needs to.

    >>> check_Cs([1, 0.1])
    array([1. , 0.1])
    >>> check_Cs([1.0, 0.0])
    Traceback (most recent call last):
    ...
    ValueError: Every C in Cs must be positive (> 0); got [1. 0.].
    """
    if isinstance(Cs, (list, tuple, np.ndarray)) and len(Cs) == 0:
        raise ValueError("Cs is empty; pass at least one value of C, e.g. np.logspace(-3, 3, 13).")
    Cs = np.atleast_1d(as_float_array(Cs, name="Cs"))  # None, text and NaN are refused here
    if Cs.ndim != 1:
        raise ValueError(f"Cs must be a 1-D sequence of values of C, got shape {Cs.shape}.")
    if np.isinf(Cs).any():
        raise ValueError(
            "Cs contains infinite values; every C must be finite (np.inf, no penalty, has no path: "
            f"the weights may grow without bound); got {Cs}."
        )
    if (Cs <= 0).any():
        raise ValueError(f"Every C in Cs must be positive (> 0); got {Cs}.")
    return Cs
