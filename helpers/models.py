"""From-scratch logistic and softmax regression with scikit-learn's estimator contract.

Both models can stand in for ``sklearn.linear_model.LogisticRegression``: they
clone, sit in a ``Pipeline``, and work in ``cross_val_score`` / ``GridSearchCV``.
They minimise the same objective as scikit-learn,

    mean log loss + ||w||^2 / (2 C n_samples)    (intercept not penalised),

so with the same ``C`` they reach the same coefficients.
"""
import numbers
import warnings

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.exceptions import ConvergenceWarning
from sklearn.utils.validation import check_is_fitted

from ._validation import check_X, check_labels, check_threshold, check_positive, check_int
from .maths import _logistic_loss_grad, _softmax_loss_grad, sigmoid, softmax

# Once every training example is on the right side with a margin this large,
# sigmoid() rounds to exactly 0 or 1 in float64: further steps only inflate w.
_SEPARATED_MARGIN = 30.0


def _separable_message(what_happened):
    return (
        "The training data are perfectly separable: without a penalty (C=np.inf) the weights "
        f"grow without bound ({what_happened}). Use a finite C (e.g. C=1.0) for a unique, "
        "finite solution, or lower max_iter to stop earlier on purpose."
    )


class _ScratchClassifier(ClassifierMixin, BaseEstimator):
    """Shared validation, fitting loop and prediction plumbing."""

    _solvers = ("gd",)

    def _check_params(self):
        if self.solver not in self._solvers:
            raise ValueError(
                f"Unknown solver {self.solver!r}; {type(self).__name__} supports "
                + " or ".join(repr(s) for s in self._solvers) + "."
            )
        check_positive(self.learning_rate, "learning_rate")
        check_int(self.max_iter, "max_iter", minimum=1)
        if isinstance(self.tol, bool) or not isinstance(self.tol, numbers.Real) or not self.tol >= 0:
            raise ValueError(f"tol must be a number >= 0 (0 runs exactly max_iter iterations), got {self.tol!r}.")
        check_positive(self.C, "C", allow_inf=True)
        check_int(int(self.verbose) if isinstance(self.verbose, bool) else self.verbose, "verbose", minimum=0)

    def _validate_fit_data(self, X, y):
        names = getattr(X, "columns", None)
        X = check_X(X)
        y = check_labels(y, X.shape[0])
        classes = np.unique(y)
        if classes.size < 2:
            raise ValueError(
                f"y contains only one class ({classes[0]!r}); a classifier needs examples of at least "
                "two classes. Check how the data were split or filtered."
            )
        self.n_features_in_ = X.shape[1]
        if names is not None and all(isinstance(c, str) for c in names):
            self.feature_names_in_ = np.asarray(names, dtype=object)
        elif hasattr(self, "feature_names_in_"):
            del self.feature_names_in_
        return X, y, classes

    def _validate_predict_X(self, X):
        check_is_fitted(self, "coef_")
        X = check_X(X)
        if X.shape[1] != self.n_features_in_:
            raise ValueError(
                f"X has {X.shape[1]} features, but {type(self).__name__} is expecting "
                f"{self.n_features_in_} features as input (as in training); transform new data "
                "exactly as the training data."
            )
        return X

    def _run(self, step, loss0):
        """The iteration loop shared by every solver.

        ``step(it)`` performs update number ``it`` and returns (loss, max |gradient| before
        the update, stop_reason or None). Records ``loss_curve_`` and ``n_iter_``;
        returns True when a step asked to stop (and has warned why).
        """
        every = int(self.verbose)
        curve = [loss0]
        stopped = False
        if every:
            print(f"iter {0:5d}  loss {loss0:.6f}")
        converged = False
        for it in range(1, self.max_iter + 1):
            loss, grad_max, stop = step(it)
            if loss is None:  # gradient already below tol: nothing left to do
                converged = True
                break
            curve.append(loss)
            if every and (it % every == 0 or it == self.max_iter):
                print(f"iter {it:5d}  loss {loss:.6f}")
            if stop is not None:
                warnings.warn(stop, ConvergenceWarning, stacklevel=3)
                stopped = converged = True  # stopped on purpose, with its own warning
                break
        self.loss_curve_ = np.asarray(curve)
        self.n_iter_ = len(curve) - 1
        if not converged and self.tol > 0:
            warnings.warn(
                f"{type(self).__name__} did not converge in {self.max_iter} iterations "
                f"(largest gradient component {grad_max:.2e} > tol={self.tol}). Increase max_iter, "
                "raise learning_rate, or scale the data (StandardScaler); tol=0 runs a fixed number "
                "of iterations without this warning.",
                ConvergenceWarning,
                stacklevel=3,
            )
        return stopped


class LogisticRegressionScratch(_ScratchClassifier):
    """Binary logistic regression trained by gradient descent or Newton's method.

    Parameters
    ----------
    solver : {"gd", "newton"}, default="gd"
        ``"gd"``: w <- w - learning_rate * gradient. ``"newton"``: Newton / IRLS
        steps with the Hessian X^T S X / n (S = diag(p (1 - p))), halved while
        they would increase the loss.
    learning_rate : float, default=0.1
        Step size for ``"gd"`` (ignored by ``"newton"``).
    max_iter : int, default=1000
    tol : float, default=1e-4
        Stop when every gradient component is at most ``tol``; ``tol=0`` runs
        exactly ``max_iter`` iterations.
    C : float, default=1.0
        Inverse L2 strength, as in scikit-learn; ``np.inf`` means no penalty.
    verbose : int, default=0
        Print the loss every ``verbose`` iterations (0: silent).

    Attributes
    ----------
    coef_ : ndarray of shape (1, n_features)
    intercept_ : ndarray of shape (1,)
    classes_ : ndarray of shape (2,)
        ``classes_[1]`` is the positive class, whose probability is modelled.
    n_iter_ : int
    loss_curve_ : ndarray of shape (n_iter_ + 1,)
        The objective before training, then after each iteration.
    n_features_in_ : int
    """

    _solvers = ("gd", "newton")

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.classifier_tags.multi_class = False  # binary by design: see SoftmaxRegressionScratch
        return tags

    def __init__(self, solver="gd", learning_rate=0.1, max_iter=1000, tol=1e-4, C=1.0, verbose=0):
        self.solver = solver
        self.learning_rate = learning_rate
        self.max_iter = max_iter
        self.tol = tol
        self.C = C
        self.verbose = verbose

    def fit(self, X, y):
        """Fit the model; ``y`` may hold any two labels (ints, strings, ...).

        Returns
        -------
        self
        """
        self._check_params()
        X, y, classes = self._validate_fit_data(X, y)
        if classes.size > 2:
            raise ValueError(
                f"Only binary classification is supported. The type of the target is multiclass: y has "
                f"{classes.size} classes {[c.item() if hasattr(c, 'item') else c for c in classes[:5]]}. "
                "Use SoftmaxRegressionScratch, or wrap this model in sklearn.multiclass.OneVsRestClassifier."
            )
        self.classes_ = classes
        t = (y == classes[1]).astype(float)
        n, d = X.shape
        C, tol = self.C, self.tol
        w, b = np.zeros(d), 0.0
        state = dict(zip(("loss", "gw", "gb", "p"), _logistic_loss_grad(X, t, w, b, C)))
        loss0 = state["loss"]
        sign = 2 * t - 1

        def step(it):
            nonlocal w, b
            gw, gb = state["gw"], state["gb"]
            grad_max = max(np.abs(gw).max(), abs(gb))
            if tol > 0 and grad_max <= tol:
                return None, grad_max, None
            if self.solver == "gd":
                w, b = w - self.learning_rate * gw, b - self.learning_rate * gb
                new = _logistic_loss_grad(X, t, w, b, C)
            else:
                dw, db = self._newton_direction(X, state["p"], gw, gb, n)
                scale = 1.0
                while True:  # backtracking: a full Newton step can overshoot far from the optimum
                    new = _logistic_loss_grad(X, t, w - scale * dw, b - scale * db, C)
                    if new[0] <= state["loss"] or scale < 1e-10:
                        break
                    scale /= 2
                w, b = w - scale * dw, b - scale * db
            state.update(zip(("loss", "gw", "gb", "p"), new))
            stop = None
            if np.isinf(C) and np.min(sign * (X @ w + b)) > _SEPARATED_MARGIN:
                stop = _separable_message(
                    f"training stopped at iteration {it}, once every example was classified with "
                    "probability > 1 - 1e-13"
                )
            return state["loss"], grad_max, stop

        stopped = self._run(step, loss0)
        self.coef_ = w.reshape(1, -1)
        self.intercept_ = np.array([b])
        if np.isinf(C) and not stopped and np.min(sign * (X @ w + b)) > 0:
            # GD creeps towards infinity too slowly to trip the margin test: say so at the end
            warnings.warn(
                _separable_message(f"after {self.n_iter_} iterations ||w|| = {np.linalg.norm(w):.3g} and it "
                                   "keeps growing, so the result depends on max_iter"),
                ConvergenceWarning, stacklevel=2,
            )
        return self

    def _newton_direction(self, X, p, gw, gb, n):
        s = p * (1 - p)
        d = X.shape[1]
        H = np.empty((d + 1, d + 1))
        H[:d, :d] = X.T @ (X * s[:, None]) / n  # X^T S X / n without forming S
        H[:d, d] = H[d, :d] = X.T @ s / n
        H[d, d] = s.sum() / n
        if np.isfinite(self.C):
            H[np.arange(d), np.arange(d)] += 1.0 / (self.C * n)
        g = np.append(gw, gb)
        try:
            delta = np.linalg.solve(H, g)
        except np.linalg.LinAlgError:  # flat directions (e.g. saturated, separable data)
            delta = np.linalg.lstsq(H, g, rcond=None)[0]
        return delta[:d], delta[d]

    def decision_function(self, X):
        """Logits z = X w + b, shape (n_samples,)."""
        X = self._validate_predict_X(X)
        return X @ self.coef_[0] + self.intercept_[0]

    def predict_proba(self, X):
        """Class probabilities, shape (n_samples, 2), columns in ``classes_`` order."""
        z = self.decision_function(X)
        return np.column_stack([sigmoid(-z), sigmoid(z)])  # sigmoid(-z) = 1 - sigmoid(z), without cancellation

    def predict(self, X, threshold=0.5):
        """``classes_[1]`` where P(classes_[1]) >= threshold, else ``classes_[0]``."""
        threshold = check_threshold(threshold)
        y_prob = self.predict_proba(X)[:, 1]
        return self.classes_[(y_prob >= threshold).astype(int)]


class SoftmaxRegressionScratch(_ScratchClassifier):
    """Multinomial (softmax) logistic regression trained by gradient descent.

    Parameters
    ----------
    solver : {"gd"}, default="gd"
    learning_rate : float, default=0.1
    max_iter : int, default=1000
    tol : float, default=1e-4
        Stop when every gradient component is at most ``tol``; 0 runs ``max_iter``.
    C : float, default=1.0
        Inverse L2 strength (``np.inf``: no penalty), as in scikit-learn.
    verbose : int, default=0

    Attributes
    ----------
    coef_ : ndarray of shape (n_classes, n_features)
    intercept_ : ndarray of shape (n_classes,)
    classes_, n_iter_, loss_curve_, n_features_in_
        As in :class:`LogisticRegressionScratch`.
    """

    def __init__(self, solver="gd", learning_rate=0.1, max_iter=1000, tol=1e-4, C=1.0, verbose=0):
        self.solver = solver
        self.learning_rate = learning_rate
        self.max_iter = max_iter
        self.tol = tol
        self.C = C
        self.verbose = verbose

    def fit(self, X, y):
        """Fit on labels of any type with two or more classes. Returns self."""
        self._check_params()
        X, y, classes = self._validate_fit_data(X, y)
        self.classes_ = classes
        Y = (y[:, None] == classes[None, :]).astype(float)  # one-hot
        W, b = np.zeros((classes.size, X.shape[1])), np.zeros(classes.size)
        state = list(_softmax_loss_grad(X, Y, W, b, self.C))
        tol, lr = self.tol, self.learning_rate

        def step(it):
            nonlocal W, b
            _, gW, gb = state
            grad_max = max(np.abs(gW).max(), np.abs(gb).max())
            if tol > 0 and grad_max <= tol:
                return None, grad_max, None
            W, b = W - lr * gW, b - lr * gb
            state[:] = _softmax_loss_grad(X, Y, W, b, self.C)
            return state[0], grad_max, None

        self._run(step, state[0])
        self.coef_, self.intercept_ = W, b
        return self

    def _logits(self, X):
        X = self._validate_predict_X(X)
        return X @ self.coef_.T + self.intercept_

    def decision_function(self, X):
        """Logits, shape (n_samples, n_classes).

        With two classes, scikit-learn's convention: one column z_1 - z_0,
        shape (n_samples,), positive for ``classes_[1]``.
        """
        Z = self._logits(X)
        return Z[:, 1] - Z[:, 0] if Z.shape[1] == 2 else Z

    def predict_proba(self, X):
        """Softmax probabilities, shape (n_samples, n_classes); rows sum to 1."""
        return softmax(self._logits(X))

    def predict(self, X):
        """The class with the largest probability."""
        Z = self._logits(X)  # raises NotFittedError before classes_ is touched
        return self.classes_[np.argmax(Z, axis=1)]
