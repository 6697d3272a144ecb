"""Data sets used by the series: scikit-learn's bundled sets and seeded synthetic ones.

Nothing here downloads anything, and every random draw takes ``random_state``.
"""
import numbers

import numpy as np
from sklearn.datasets import load_breast_cancer, load_iris, make_circles, make_classification, make_moons
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from sklearn.utils import Bunch

from ._validation import as_float_array, check_finite, check_int, check_positive
from .maths import sigmoid, softmax

#: How :func:`make_tumour_sizes` draws sizes (cm): label -> (mean, standard deviation) of a normal
#: distribution. Knowing them gives the true P(malignant | size) the samples come from.
TUMOUR_SIZE_CLASSES = {0: (2.0, 0.7), 1: (5.0, 0.9)}

def make_tumour_sizes(n_samples=40, extreme_size=None, random_state=0):
    """The 1-D toy set of notebook 01: tumour size (cm) -> malignant (1) or benign (0).

    Benign sizes are drawn around 2 cm, malignant around 5 cm (normal distributions,
    :data:`TUMOUR_SIZE_CLASSES`), so the classes overlap a little near 3.5 cm.

    Parameters
    ----------
    n_samples : int, default=40
        Examples before the optional extreme one; half of each class (rounded).
    extreme_size : float or None, default=None
        If given, append one malignant example of this size (a very large,
        correctly labelled tumour).
    random_state : int, default=0

    Returns
    -------
    X : ndarray of shape (n_samples [+ 1], 1)
    y : ndarray of int, shape (n_samples [+ 1],)
    """
    check_int(n_samples, "n_samples", minimum=2)
    rng = np.random.default_rng(random_state)
    n_benign = n_samples // 2
    sizes = np.concatenate([
        rng.normal(*TUMOUR_SIZE_CLASSES[0], n_benign),
        rng.normal(*TUMOUR_SIZE_CLASSES[1], n_samples - n_benign),
    ]).clip(0.3, None)  # a tumour has a positive size
    y = np.r_[np.zeros(n_benign, int), np.ones(n_samples - n_benign, int)]
    if extreme_size is not None:
        check_positive(extreme_size, "extreme_size")
        sizes, y = np.r_[sizes, float(extreme_size)], np.r_[y, 1]
    return sizes.reshape(-1, 1).round(2), y


def load_breast_cancer_split(test_size=0.2, random_state=42, scale=True):
    """Wisconsin diagnostic breast cancer: a stratified train/test split.

    The scaler is fitted on the training part only, so no statistic of the test
    set leaks into training. Target 0 is *malignant*, 1 is *benign*.

    Returns
    -------
    Bunch
        ``X_train, X_test`` (pandas DataFrames with the feature names),
        ``y_train, y_test`` (ndarrays), ``feature_names``, ``target_names``
        (``['malignant', 'benign']``) and ``scaler`` (None when ``scale=False``).
    """
    data = load_breast_cancer(as_frame=True)
    X_train, X_test, y_train, y_test = train_test_split(
        data.data, data.target.to_numpy(), test_size=test_size, stratify=data.target, random_state=random_state
    )
    scaler = None
    if scale:
        scaler = StandardScaler().set_output(transform="pandas").fit(X_train)
        X_train, X_test = scaler.transform(X_train), scaler.transform(X_test)
    return Bunch(
        X_train=X_train, X_test=X_test, y_train=y_train, y_test=y_test,
        feature_names=list(data.feature_names), target_names=list(data.target_names), scaler=scaler,
    )


def load_iris_split(test_size=0.2, random_state=42, scale=True):
    """Iris (3 classes, 4 features): a stratified, standardised split.

    Returns
    -------
    Bunch
        ``X_train, X_test, y_train, y_test`` (ndarrays), ``feature_names``,
        ``target_names`` and ``scaler``.
    """
    data = load_iris()
    X_train, X_test, y_train, y_test = train_test_split(
        data.data, data.target, test_size=test_size, stratify=data.target, random_state=random_state
    )
    scaler = None
    if scale:
        scaler = StandardScaler().fit(X_train)
        X_train, X_test = scaler.transform(X_train), scaler.transform(X_test)
    return Bunch(
        X_train=X_train, X_test=X_test, y_train=y_train, y_test=y_test,
        feature_names=list(data.feature_names), target_names=list(data.target_names), scaler=scaler,
    )


def make_linear_2d(n_samples=300, random_state=42):
    """Two overlapping, roughly linearly separable classes in 2-D, standardised.

    ``make_classification(n_features=2, n_redundant=0, n_informative=2,
    n_clusters_per_class=1)`` followed by a StandardScaler.
    """
    X, y = make_classification(
        n_samples=n_samples, n_features=2, n_redundant=0, n_informative=2,
        n_clusters_per_class=1, random_state=random_state,
    )
    return StandardScaler().fit_transform(X), y


def make_rings(n_samples=300, noise=0.1, factor=0.5, random_state=42):
    """Two concentric rings (``make_circles``): no straight line separates them."""
    return make_circles(n_samples=n_samples, noise=noise, factor=factor, random_state=random_state)


def make_quadrants(n_samples=200, crossing=(0.5, -0.5), noise=0.15, half_width=3.0, random_state=0):
    """Four quadrants, two classes in opposite corners (an "exclusive or" pattern).

    Points ``u`` are drawn uniformly from the square [-half_width, half_width]^2; the label is 1 where
    ``(u1 - crossing[0]) * (u2 - crossing[1]) > 0`` (top right and bottom left of the crossing point) and
    0 elsewhere; the features are ``u`` plus Gaussian noise of standard deviation ``noise``, so the
    classes mix a little along the two lines where the class changes. No straight line, and no circle,
    separates them.

    Returns
    -------
    X : ndarray of shape (n_samples, 2)
    y : ndarray of int, shape (n_samples,)
    """
    n_samples = check_int(n_samples, "n_samples", minimum=2)
    crossing = check_finite(as_float_array(crossing, name="crossing", ndim=1), "crossing")
    if crossing.shape != (2,):
        raise ValueError(f"crossing must be one point (x1, x2), got {crossing.tolist()}.")
    check_positive(half_width, "half_width")
    if noise != 0:
        check_positive(noise, "noise")
    rng = np.random.default_rng(random_state)
    u = rng.uniform(-half_width, half_width, size=(n_samples, 2))
    y = ((u[:, 0] - crossing[0]) * (u[:, 1] - crossing[1]) > 0).astype(int)
    return u + noise * rng.standard_normal((n_samples, 2)), y


def make_moons_2d(n_samples=200, noise=0.3, random_state=42):
    """Two interleaving half-moons (``make_moons``): a curved boundary fits best."""
    return make_moons(n_samples=n_samples, noise=noise, random_state=random_state)


def make_logistic_data(n_samples=30_000, coef=(1.5, -1.0, 0.8, 0.5), intercept=-2.0, n_redundant=6,
                       redundant_noise=0.3, random_state=0, n_noise=0):
    """Data drawn from a logistic model, so the true P(y=1 | x) is known.

    The informative features are standard normal, ``P(y=1 | x) = sigmoid(coef . x + intercept)``
    and ``y`` is one Bernoulli draw from it. The redundant features are random
    linear mixtures of the informative ones plus a little noise: they carry no
    new information, so logistic regression stays correctly specified, but a
    model that treats features as independent (naive Bayes) counts the same
    evidence several times. Optional pure-noise features (independent of
    everything) give a flexible model something to over-fit.

    Parameters
    ----------
    n_samples : int, default=30000
    coef : sequence of float, default=(1.5, -1.0, 0.8, 0.5)
        True weights of the informative features (their number is ``len(coef)``).
    intercept : float, default=-2.0
        True intercept; negative values make class 1 the rarer class.
    n_redundant : int, default=6
    redundant_noise : float, default=0.3
        Standard deviation of the noise added to each redundant feature.
    random_state : int, default=0
    n_noise : int, default=0
        Standard normal features unrelated to ``y``, appended last. They are drawn after
        everything else, so the other columns, ``y`` and ``p_true`` do not depend on ``n_noise``.

    Returns
    -------
    X : ndarray of shape (n_samples, len(coef) + n_redundant + n_noise)
        Informative features first, then the redundant ones, then the noise.
    y : ndarray of int, shape (n_samples,)
    p_true : ndarray of shape (n_samples,)
        The true probabilities P(y=1 | x) the labels were drawn from.
    """
    n_samples = check_int(n_samples, "n_samples", minimum=2)
    n_redundant = check_int(n_redundant, "n_redundant", minimum=0)
    n_noise = check_int(n_noise, "n_noise", minimum=0)
    coef = check_finite(np.atleast_1d(as_float_array(coef, name="coef")), "coef")
    if coef.ndim != 1:
        raise ValueError(f"coef must be a 1-D sequence of weights, got shape {coef.shape}.")
    if not isinstance(intercept, numbers.Real) or not np.isfinite(intercept):
        raise TypeError(f"intercept must be a finite number, got {intercept!r}.")
    if redundant_noise != 0:
        check_positive(redundant_noise, "redundant_noise")
    rng = np.random.default_rng(random_state)
    X_informative = rng.standard_normal((n_samples, coef.size))
    mixing = rng.standard_normal((coef.size, n_redundant))
    X_redundant = X_informative @ mixing + redundant_noise * rng.standard_normal((n_samples, n_redundant))
    p_true = sigmoid(X_informative @ coef + float(intercept))
    y = (rng.random(n_samples) < p_true).astype(int)
    X_noise = rng.standard_normal((n_samples, n_noise))
    return np.hstack([X_informative, X_redundant, X_noise]), y, p_true


def make_softmax_data(n_samples=30_000, coef=((1.5, 0.0, -1.0, 0.5), (-1.0, 1.5, 0.0, 0.0), (0.0, -1.0, 1.0, -0.5)),
                      intercept=(0.0, -0.5, 0.5), n_redundant=6, redundant_noise=0.3, random_state=0):
    """Several classes drawn from a softmax model, so the true P(y=k | x) is known.

    The multiclass counterpart of :func:`make_logistic_data`: standard normal informative
    features, ``P(y=k | x) = softmax(coef @ x + intercept)_k``, one categorical draw per
    example, and redundant features that are noisy linear mixtures of the informative ones
    (no new information, so softmax regression stays correctly specified).

    Parameters
    ----------
    n_samples : int, default=30000
    coef : array-like of shape (n_classes, n_informative)
        True weights, one row per class.
    intercept : array-like of shape (n_classes,)
    n_redundant : int, default=6
    redundant_noise : float, default=0.3
    random_state : int, default=0

    Returns
    -------
    X : ndarray of shape (n_samples, n_informative + n_redundant)
    y : ndarray of int, shape (n_samples,), labels 0 .. n_classes - 1
    P_true : ndarray of shape (n_samples, n_classes)
        The true class probabilities the labels were drawn from.
    """
    n_samples = check_int(n_samples, "n_samples", minimum=2)
    n_redundant = check_int(n_redundant, "n_redundant", minimum=0)
    coef = check_finite(as_float_array(coef, name="coef", ndim=2), "coef")
    intercept = check_finite(np.atleast_1d(as_float_array(intercept, name="intercept")), "intercept")
    if coef.shape[0] < 2 or intercept.shape != (coef.shape[0],):
        raise ValueError(f"coef needs one row per class (at least 2) and intercept one value per row; got "
                         f"coef of shape {coef.shape} and intercept of shape {intercept.shape}.")
    if redundant_noise != 0:
        check_positive(redundant_noise, "redundant_noise")
    rng = np.random.default_rng(random_state)
    X_informative = rng.standard_normal((n_samples, coef.shape[1]))
    mixing = rng.standard_normal((coef.shape[1], n_redundant))
    X_redundant = X_informative @ mixing + redundant_noise * rng.standard_normal((n_samples, n_redundant))
    P_true = softmax(X_informative @ coef.T + intercept)
    # one categorical draw per row: the first class whose cumulative probability passes a uniform number
    y = np.minimum((rng.random((n_samples, 1)) > np.cumsum(P_true, axis=1)).sum(axis=1), coef.shape[0] - 1)
    return np.hstack([X_informative, X_redundant]), y, P_true
