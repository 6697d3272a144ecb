"""From-scratch logistic and softmax regression with scikit-learn's estimator contract.

Both models can stand in for ``sklearn.linear_model.LogisticRegression``: they
clone, sit in a ``Pipeline``, and work in ``cross_val_score`` / ``GridSearchCV``.
They minimise

    mean log loss + ||w||^2 / (2 C n_samples)    (intercepts not penalised),

which is scikit-learn's objective, sum of log losses + ||w||^2 / (2 C), divided by
n_samples: the same minimiser, so with the same ``C`` both reach the same coefficients.

Solvers
-------
``"newton"`` (the default): Newton's method. Each step solves H d = gradient by a
Cholesky factorisation of the Hessian H (scaled to unit diagonal). When H is singular
or nearly so (LAPACK's estimate of its reciprocal condition number below 1e-12:
collinear columns without a penalty, or probabilities rounded to 0 and 1), the step
falls back to the minimum-norm solution on the eigen-directions the data determine,
so nothing moves along a direction the data cannot pin down (two identical columns
keep equal weights). An Armijo backtracking line search then halves the step until
the objective falls by at least 1e-4 of what the slope promises; a step that lowers
nothing is never taken: the fit stops and says so.
``"gd"``: gradient descent, w <- w - learning_rate * gradient. ``learning_rate="auto"``
(the default) is 1/L, L the largest curvature the objective can have on these data
(``helpers.descent.safe_learning_rate``, plus 1/(C n_samples) for the penalty), so the
loss never goes up. A run whose loss is higher than 10 iterations before, or whose
logits blow up, is stopped with a warning to lower the learning rate and scale the
features, which gives the safe step computed from the data.

Without a penalty (``C=np.inf``) the models also warn when the optimum does not exist
or is not unique: separable training data (the weights grow without bound) and
collinear columns (many coefficient vectors fit equally well).

Convergence
-----------
``n_iter_`` is the number of updates made, ``loss_curve_`` the objective before and
after each, and ``converged_`` whether the fit found the optimum: gradient descent
when every gradient component is at most ``tol``; Newton when, in addition, its next
step changes no coefficient by more than ``tol`` (or gains less than float64 can
resolve) -- that last step is taken -- or when no step can lower the objective any
more. A run stopped for any other reason (``max_iter``, divergence, separable data,
a failed line search) has ``converged_ = False`` and has warned why. ``tol=0``
switches the test off: the fit runs ``max_iter`` updates (Newton stops earlier only
when no step can lower the objective) and does not warn that it did not converge.

Decision rule
-------------
``LogisticRegressionScratch.predict`` returns ``classes_[1]`` where
P(classes_[1]) >= threshold (:func:`helpers.maths.predict_at_threshold`), so a
probability exactly at the threshold goes to ``classes_[1]``, as in scikit-learn's
``FixedThresholdClassifier``; ``LogisticRegression.predict`` uses z > 0 and gives
``classes_[0]`` at exactly P = 0.5.
"""
import numbers
import warnings

import numpy as np
from scipy.linalg import lapack
from scipy.optimize import linprog
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.exceptions import ConvergenceWarning
from sklearn.utils.validation import check_is_fitted, validate_data

from ._validation import check_X, check_labels, check_positive, check_int
from .descent import safe_learning_rate
from .maths import _logistic_loss_grad, _softmax_loss_grad, predict_at_threshold, sigmoid, softmax

# Once every training example is on the right side with a margin this large,
# sigmoid() rounds to exactly 0 or 1 in float64: further steps only inflate w.
_SEPARATED_MARGIN = 30.0
# A logit beyond this is an optimiser blowing up, not a model (and its square overflows).
_LOGIT_LIMIT = 1e100
# Gradient descent is diverging when its loss is higher than this many iterations ago.
_DIVERGENCE_WINDOW = 10
# Newton falls back from Cholesky below this reciprocal condition number of the scaled Hessian,
# and the fallback ignores eigenvalues below this fraction of the largest.
_RCOND = 1e-12
# Columns of [X, 1] whose normalised Gram matrix has an eigenvalue below this are collinear.
_COLLINEAR = 1e-10
_ARMIJO = 1e-4
_MAX_HALVINGS = 40
_ROUNDING = 16 * np.finfo(float).eps
# Values whose squares would overflow float64 (the Hessian needs X^T X).
_X_LIMIT = 1e150


def _separable_message(what_happened, complete=True):
    intro = ("The training data are perfectly separable" if complete else
             "The training data are separable in part (a hyperplane has every training example on its class's "
             "side or exactly on it)")
    return (
        f"{intro}: without a penalty (C=np.inf) the weights grow without bound ({what_happened}). "
        "Use a finite C (e.g. C=1.0) for a unique, finite solution, or lower max_iter to stop earlier on purpose."
    )


class _BinaryObjective:
    """J(theta) of binary logistic regression, theta = (w_1, ..., w_d, b)."""

    curvature = 0.25  # the largest value of sigmoid'(z) = p (1 - p)

    def __init__(self, X, t, C):
        self.X, self.t, self.C = X, t, C
        self.sign = 2 * t - 1
        self.n_samples, self.n_features = X.shape
        self.n_params = self.n_features + 1
        self.basis = None
        self.row_l1 = self.n_features * max(X.max(), -X.min())  # bounds sum_j |x_ij| without a copy of X

    def logit_bound(self, theta):
        """An upper bound of |z| over the training set, without computing z."""
        return self.row_l1 * np.abs(theta[:-1]).max() + abs(theta[-1])

    def value_grad(self, theta):
        loss, gw, gb, p = _logistic_loss_grad(self.X, self.t, theta[:-1], theta[-1], self.C)
        return loss, np.append(gw, gb), p

    def hessian(self, theta, p):
        """X~^T S X~ / n (+ 1/(C n) on the weights), X~ = [X, 1], without forming X~ or S."""
        X, n, d = self.X, self.n_samples, self.n_features
        s = p * (1 - p)
        H = np.empty((d + 1, d + 1))
        H[:d, :d] = X.T @ (X * s[:, None]) / n
        H[:d, d] = H[d, :d] = X.T @ s / n
        H[d, d] = s.sum() / n
        if np.isfinite(self.C):
            H[np.arange(d), np.arange(d)] += 1.0 / (self.C * n)
        return H

    def margins(self, theta):
        """Signed logits: positive where an example is on its class's side."""
        return self.sign * (self.X @ theta[:-1] + theta[-1])

    def margin_rows(self):
        """A with margins = A @ theta."""
        return self.sign[:, None] * np.column_stack([self.X, np.ones(self.n_samples)])

    def split(self, theta):
        return theta[:-1].reshape(1, -1), theta[-1:].copy()


class _SoftmaxObjective:
    """J(theta) of multinomial logistic regression; theta is the (K, d + 1) matrix [W, b], flattened.

    Adding one vector to every class's row changes no probability, so the Hessian is
    always singular (for the intercepts even with a penalty). Newton works in the
    subspace where every column of [W, b] sums to zero (``basis``): the minimiser
    scikit-learn returns lies there, and there the Hessian is positive definite.
    """

    curvature = 0.5  # the largest eigenvalue of diag(p) - p p^T

    def __init__(self, X, y_index, n_classes, C):
        self.X, self.C, self.y_index = X, C, y_index
        self.n_samples, self.n_features = X.shape
        self.K = n_classes
        self.Y = np.eye(n_classes)[y_index]
        self.X1 = np.column_stack([X, np.ones(self.n_samples)])
        self.n_params = n_classes * (self.n_features + 1)
        # orthonormal basis of the vectors in R^K that sum to zero, one block per column of [W, b]
        Q = np.linalg.qr(np.eye(n_classes) - 1.0 / n_classes)[0][:, : n_classes - 1]
        self.basis = np.kron(Q, np.eye(self.n_features + 1))
        self.row_l1 = self.n_features * max(X.max(), -X.min())  # bounds sum_j |x_ij| without a copy of X

    def _Wb(self, theta):
        T = theta.reshape(self.K, self.n_features + 1)
        return T[:, :-1], T[:, -1]

    def logit_bound(self, theta):
        W, b = self._Wb(theta)
        return self.row_l1 * np.abs(W).max() + np.abs(b).max()

    def value_grad(self, theta):
        W, b = self._Wb(theta)
        loss, gW, gb = _softmax_loss_grad(self.X, self.Y, W, b, self.C)
        return loss, np.column_stack([gW, gb]).ravel(), None

    def hessian(self, theta, _):
        """(1/n) sum_i (diag(p_i) - p_i p_i^T) kron x~_i x~_i^T (+ 1/(C n) on the weights)."""
        W, b = self._Wb(theta)
        X1, n, K, d1 = self.X1, self.n_samples, self.K, self.n_features + 1
        P = softmax(self.X @ W.T + b)
        M = (P[:, :, None] * X1[:, None, :]).reshape(n, -1)
        H = -(M.T @ M)
        for k in range(K):
            block = slice(k * d1, (k + 1) * d1)
            H[block, block] += X1.T @ (X1 * P[:, k : k + 1])
        H /= n
        if np.isfinite(self.C):
            weights = np.flatnonzero(np.arange(self.n_params) % d1 != d1 - 1)
            H[weights, weights] += 1.0 / (self.C * n)
        return H

    def margins(self, theta):
        """Own logit minus the largest other logit, per example."""
        W, b = self._Wb(theta)
        Z = self.X @ W.T + b
        rows = np.arange(self.n_samples)
        own = Z[rows, self.y_index]
        Z[rows, self.y_index] = -np.inf
        return own - Z.max(axis=1)

    def margin_rows(self):
        """One row per example and rival class k: (e_y - e_k) kron x~, so that row @ theta = z_y - z_k."""
        K = self.K
        own = np.eye(K)[self.y_index]
        rows = []
        for k in range(K):
            mask = self.y_index != k
            coef = own[mask] - np.eye(K)[k]
            rows.append((coef[:, :, None] * self.X1[mask][:, None, :]).reshape(mask.sum(), -1))
        return np.vstack(rows)

    def split(self, theta):
        W, b = self._Wb(theta)
        return W.copy(), b.copy()


def _separation(objective):
    """"complete", "partial" or None: can a hyperplane put the training examples on their classes' sides?

    Linear programmes over directions v (|v_j| <= 1) of the coefficients, whose margin
    rows a_i give the margins a_i . v: "complete" when some v makes every margin
    positive, "partial" when some v makes every margin >= 0 and some positive. Along
    such a v an unpenalised loss keeps falling for ever, so no finite optimum exists.
    """
    A = objective.margin_rows()
    scale = np.abs(A).max(axis=0)
    scale[scale == 0] = 1.0
    A = A / scale
    n_rows, n_vars = A.shape
    # complete: maximise t subject to A v >= t (t <= 1)
    result = linprog(np.r_[np.zeros(n_vars), -1.0], A_ub=np.column_stack([-A, np.ones(n_rows)]),
                     b_ub=np.zeros(n_rows), bounds=[(-1, 1)] * n_vars + [(None, 1)], method="highs")
    if result.status == 0 and (A @ result.x[:-1]).min() > 1e-9:
        return "complete"
    # partial: maximise the sum of the margins subject to A v >= 0
    result = linprog(-A.sum(axis=0), A_ub=-A, b_ub=np.zeros(n_rows), bounds=(-1, 1), method="highs")
    if result.status == 0:
        m = A @ result.x
        if m.min() >= -1e-10 and m.max() > 1e-6:  # no violated row, and more than rounding
            return "partial"
    return None


def _collinear_columns(X, names):
    """Names of the columns of [X, 1] that are (nearly) linearly dependent; [] if X has full rank."""
    n, d = X.shape
    G = np.empty((d + 1, d + 1))
    G[:d, :d] = X.T @ X
    G[:d, d] = G[d, :d] = X.sum(axis=0)
    G[d, d] = n
    norms = np.sqrt(np.diag(G))
    norms[norms == 0] = 1.0  # an all-zero column: its row of R stays zero, so it is reported
    values, vectors = np.linalg.eigh(G / np.outer(norms, norms))
    null = vectors[:, values < _COLLINEAR]
    if null.shape[1] == 0:
        return []
    involved = np.flatnonzero(np.linalg.norm(null, axis=1) > 1e-3)
    return [names[j] if j < d else "the intercept" for j in involved]


class _ScratchClassifier(ClassifierMixin, BaseEstimator):
    """Shared validation, solvers and prediction plumbing."""

    _solvers = ("newton", "gd")

    def _check_params(self):
        if self.solver not in self._solvers:
            raise ValueError(
                f"Unknown solver {self.solver!r}; {type(self).__name__} supports "
                + " or ".join(repr(s) for s in self._solvers) + "."
            )
        lr = self.learning_rate
        if isinstance(lr, bool) or not isinstance(lr, (str, numbers.Real)):
            raise TypeError(f"learning_rate must be a positive number or 'auto', got {lr!r}.")
        if (isinstance(lr, str) and lr != "auto") or (not isinstance(lr, str) and not (np.isfinite(lr) and lr > 0)):
            raise ValueError(f"learning_rate must be a positive number or 'auto', got {lr!r}.")
        check_int(self.max_iter, "max_iter", minimum=1)
        if isinstance(self.tol, bool) or not isinstance(self.tol, numbers.Real) or not self.tol >= 0:
            raise ValueError(f"tol must be a number >= 0 (0 runs exactly max_iter iterations), got {self.tol!r}.")
        check_positive(self.C, "C", allow_inf=True)
        check_int(int(self.verbose) if isinstance(self.verbose, bool) else self.verbose, "verbose", minimum=0)

    # ---- validation -------------------------------------------------------------------------

    def _check_columns(self, X_raw, reset):
        """Record (fit) or compare (predict) the number and names of the columns, as scikit-learn does."""
        try:
            validate_data(self, X=X_raw, reset=reset, skip_check_array=True)
        except ValueError as exc:
            message = str(exc)
            raise ValueError(message + ("" if message.endswith("\n") else " ") + self._column_advice(X_raw)) from None

    def _column_advice(self, X_raw):
        names = getattr(X_raw, "columns", None)
        fitted = getattr(self, "feature_names_in_", None)
        if names is None or fitted is None:
            return "Transform new data exactly as the training data."
        names = [str(c) for c in names]
        if sorted(names) == sorted(fitted):
            moved = [f"column {i} is {got!r} but was {want!r} in fit"
                     for i, (got, want) in enumerate(zip(names, fitted)) if got != want]
            shown = "; ".join(moved[:3]) + (f"; and {len(moved) - 3} more" if len(moved) > 3 else "")
            return f"The same columns in another order ({shown}): reorder them with X[model.feature_names_in_]."
        return "Pass the columns the model was trained on, with the same names, in the same order."

    def _checked_X(self, X, reset):
        """check_X's friendly errors, and scikit-learn's column checks (a DataFrame's names first)."""
        if hasattr(X, "columns"):  # wrong names explain NaN columns better than "X contains NaN"
            self._check_columns(X, reset)
            return check_X(X)
        checked = check_X(X)
        self._check_columns(X, reset)
        return checked

    def _validate_fit_data(self, X, y):
        X = self._checked_X(X, reset=True)
        largest = max(X.max(), -X.min())  # no |X| temporary: X may be large
        if largest > _X_LIMIT:
            raise ValueError(
                f"X holds values up to {largest:.3g}, too large for float64 arithmetic on their squares; "
                "scale the features (e.g. with StandardScaler) first."
            )
        y = check_labels(y, X.shape[0])
        classes = np.unique(y)
        if classes.size < 2:
            raise ValueError(
                f"y contains only one class ({classes[0]!r}); a classifier needs examples of at least "
                "two classes. Check how the data were split or filtered."
            )
        return X, y, classes

    def _validate_predict_X(self, X):
        check_is_fitted(self, "coef_")
        return self._checked_X(X, reset=False)

    def _column_names(self):
        names = getattr(self, "feature_names_in_", None)
        return [str(c) for c in names] if names is not None else [f"x{j}" for j in range(self.n_features_in_)]

    # ---- the solvers --------------------------------------------------------------------------

    def _fit_objective(self, objective, X):
        """Minimise ``objective`` from theta = 0; set the fitted attributes and warn as needed."""
        if np.isinf(self.C):
            collinear = _collinear_columns(X, self._column_names())
            if collinear:
                few = X.shape[0] <= X.shape[1]
                warnings.warn(
                    f"X is rank-deficient: the columns {collinear} are (nearly) linearly dependent"
                    + (f" (only {X.shape[0]} examples for {X.shape[1]} features and an intercept)" if few else "")
                    + ", so without a penalty (C=np.inf) the model is not identifiable: many coefficient vectors "
                    "give the same predictions, and the one returned is arbitrary. Use a finite C (e.g. C=1.0), "
                    "which makes the solution unique, or drop redundant columns.",
                    UserWarning, stacklevel=3,
                )
        if self.solver == "gd":
            self.learning_rate_ = self._step_size(objective, X)
            theta, status, info = self._gradient_descent(objective)
        else:
            if hasattr(self, "learning_rate_"):
                del self.learning_rate_
            theta, status, info = self._newton(objective)
        self.coef_, self.intercept_ = objective.split(theta)
        self.loss_curve_ = np.asarray(info["curve"])
        self.n_iter_ = len(info["curve"]) - 1
        self.converged_ = status == "converged"
        message = self._stop_message(objective, X, theta, status, info)
        if message is not None:
            self.converged_ = False
            warnings.warn(message, ConvergenceWarning, stacklevel=3)

    def _step_size(self, objective, X):
        if self.learning_rate == "auto":
            return 1.0 / self._curvature_bound(objective, X)
        return float(self.learning_rate)

    def _curvature_bound(self, objective, X):
        """L: no second derivative of the objective along any direction exceeds it."""
        L = objective.curvature * 4.0 / safe_learning_rate(X)  # lambda_max(X~^T X~) / n times the curvature
        return L + (1.0 / (self.C * X.shape[0]) if np.isfinite(self.C) else 0.0)

    def _print(self, it, loss, force=False):
        every = int(self.verbose)
        if every and (it % every == 0 or force):
            print(f"iter {it:5d}  loss {loss:.6f}")

    def _gradient_descent(self, objective):
        lr, tol = self.learning_rate_, self.tol
        theta = np.zeros(objective.n_params)
        loss, g, _ = objective.value_grad(theta)
        curve = [loss]
        self._print(0, loss)
        status, info = "max_iter", {}
        for it in range(1, self.max_iter + 1):
            if tol > 0 and np.abs(g).max() <= tol:
                status = "converged"
                break
            trial = theta - lr * g
            if not np.isfinite(trial).all() or objective.logit_bound(trial) > _LOGIT_LIMIT:
                status, info = "overflow", {"iteration": it}
                break
            theta = trial
            loss, g, _ = objective.value_grad(theta)
            curve.append(loss)
            self._print(it, loss, force=it == self.max_iter)
            if it >= _DIVERGENCE_WINDOW:
                before = curve[-1 - _DIVERGENCE_WINDOW]
                if loss > before + 1e-12 * (1.0 + abs(before)):
                    status, info = "diverged", {"iteration": it, "from": before}
                    break
            if np.isinf(self.C) and objective.margins(theta).min() > _SEPARATED_MARGIN:
                status, info = "separated", {"iteration": it}
                break
        else:
            if tol > 0 and np.abs(g).max() <= tol:
                status = "converged"
        info.update(curve=curve, grad_max=float(np.abs(g).max()))
        return theta, status, info

    def _newton_direction(self, H, g, basis=None):
        """The step d with H d = g (the update is theta - d), and whether the fallback was needed.

        The Hessian is scaled to unit diagonal first (this changes no solution but makes the
        condition number measure collinearity rather than the features' units). Cholesky
        solves when LAPACK's reciprocal condition estimate is above ``_RCOND``; otherwise the
        solution is the minimum-norm one (in the scaled coordinates) over the eigen-directions
        whose eigenvalue is above ``_RCOND`` times the largest: no step along directions the
        data do not determine, such as the difference of two identical columns.
        ``basis`` restricts the step to its column space (the softmax's zero-sum subspace).
        """
        if basis is not None:
            H, g = basis.T @ H @ basis, basis.T @ g
        D = np.sqrt(np.diag(H))
        D[~(D > 0)] = 1.0
        Hs, gs = H / np.outer(D, D), g / D
        fallback = True
        factor, info = lapack.dpotrf(Hs, lower=1)  # LAPACK directly: this runs once per iteration
        if info == 0:  # positive definite; now is it safely so?
            rcond, info = lapack.dpocon(factor, np.abs(Hs).sum(axis=0).max(), uplo="L")
            if info == 0 and rcond > _RCOND:
                step, info = lapack.dpotrs(factor, gs, lower=1)
                fallback = info != 0
        if fallback:
            values, vectors = np.linalg.eigh(Hs)
            keep = values > _RCOND * max(values[-1], np.finfo(float).tiny)
            step = vectors[:, keep] @ ((vectors[:, keep].T @ gs) / values[keep])
        step = step / D
        return (basis @ step if basis is not None else step), fallback

    def _line_search(self, objective, theta, loss, g, step, halvings=_MAX_HALVINGS):
        """Armijo backtracking along -step, at most ``halvings`` tries; None when none lowers the objective."""
        slope = float(g @ step)
        if not slope > 0:  # not a descent direction: nothing to search
            return None
        g_l1 = np.abs(g).sum()
        t = 1.0
        for _ in range(halvings):
            trial = theta - t * step
            if objective.logit_bound(trial) <= _LOGIT_LIMIT:
                new_loss, new_g, aux = objective.value_grad(trial)
                if new_loss <= loss - _ARMIJO * t * slope:
                    return trial, new_loss, new_g, aux
                # at the optimum to rounding: accept a step that keeps the loss and shrinks the gradient
                if loss - _ROUNDING * abs(loss) <= new_loss <= loss and np.abs(new_g).sum() < g_l1:
                    return trial, new_loss, new_g, aux
            t /= 2
        return None

    def _newton(self, objective):
        tol = self.tol
        theta = np.zeros(objective.n_params)
        loss, g, aux = objective.value_grad(theta)
        curve = [loss]
        self._print(0, loss)
        status, info, fallback_used, lp_done, step_max = "max_iter", {}, False, False, np.nan
        for it in range(1, self.max_iter + 1):
            grad_max = np.abs(g).max()
            if grad_max == 0:
                status = "converged"
                break
            step, fallback = self._newton_direction(objective.hessian(theta, aux), g, objective.basis)
            fallback_used |= fallback
            step_max = np.abs(step).max()
            # converged: a small gradient, and a small next step or one whose gain float64 cannot see
            negligible = abs(g @ step) <= _ROUNDING * abs(loss)  # the step's gain is below float64 resolution
            done = tol > 0 and grad_max <= tol and (step_max <= tol or negligible)
            # within tol, or nothing to gain: take the full step if it does not hurt, but do not search
            halvings = 1 if done or negligible else _MAX_HALVINGS
            found = self._line_search(objective, theta, loss, g, step, halvings)
            if found is None:
                if done or negligible:
                    status = "converged"  # nothing left to gain in float64
                else:
                    status, info = "line_search", {"iteration": it, "slope": float(g @ step)}
                break
            theta, loss, g, aux = found
            curve.append(loss)
            self._print(it, loss, force=it == self.max_iter)
            if done:
                status = "converged"
                break
            if np.isinf(self.C):
                margins = objective.margins(theta)
                if margins.min() > _SEPARATED_MARGIN:
                    status, info = "separated", {"iteration": it}
                    break
                if not lp_done and margins.max() > _SEPARATED_MARGIN:
                    lp_done = True  # some probabilities are rounding to 0 or 1: is that separation?
                    kind = _separation(objective)
                    if kind:
                        status, info = "separated", {"iteration": it, "kind": kind}
                        break
        info.update(curve=curve, grad_max=float(np.abs(g).max()), fallback=fallback_used, step_max=float(step_max))
        return theta, status, info

    # ---- what to tell the user ----------------------------------------------------------------

    def _stop_message(self, objective, X, theta, status, info):
        """The warning for a fit that did not find the optimum, or None."""
        name = type(self).__name__
        if status in ("diverged", "overflow"):
            return self._divergence_message(objective, X, status, info)
        if status == "separated":
            kind = info.get("kind")
            return _separable_message(
                f"training stopped at iteration {info['iteration']}, once "
                + ("every example was" if kind is None else "some examples were")
                + " classified with probability > 1 - 1e-13",
                complete=kind != "partial",
            )
        if status == "line_search":
            it = info["iteration"]
            why = (f"its direction points uphill (the objective rises at rate {-info['slope']:.2e} along it), "
                   "so the Hessian is not positive definite in floating point" if info["slope"] <= 0 else
                   f"no step along its direction lowered the objective (the step was halved {_MAX_HALVINGS} "
                   f"times; the slope promised a decrease of {info['slope']:.2e})")
            return (
                f"{name}: Newton's method stopped at iteration {it}, because {why}. It did not take an uphill "
                f"step: the coefficients are those after {it - 1} iterations, not an optimum. The Hessian is "
                "probably too ill-conditioned: scale the features (StandardScaler) or use a finite C."
            )
        if np.isinf(self.C):
            if objective.margins(theta).min() > 0:
                return _separable_message(
                    f"after {len(info['curve']) - 1} iterations ||w|| = {np.linalg.norm(theta):.3g} and it "
                    "keeps growing, so the result depends on max_iter"
                )
            if self.tol > 0:  # a separating direction may remain: then no answer is "converged"
                kind = _separation(objective)
                if kind:
                    return _separable_message(
                        f"after {len(info['curve']) - 1} iterations ||w|| = {np.linalg.norm(theta):.3g} and it "
                        "keeps growing, so the result depends on max_iter and tol", complete=kind == "complete",
                    )
        if status == "max_iter" and self.tol > 0:
            if self.solver == "newton":
                head = (f"{name} did not converge in {self.max_iter} iterations of Newton's method (largest "
                        f"gradient component {info['grad_max']:.2e}, largest coefficient change in the last step "
                        f"{info['step_max']:.2e}; tol={self.tol}). ")
                advice = ("The Hessian was nearly singular: scale the features (StandardScaler) or use a finite C."
                          if info["fallback"] else "Increase max_iter, or scale the features (StandardScaler).")
                return head + advice + " tol=0 runs a fixed number of iterations without this warning."
            head = (f"{name} did not converge in {self.max_iter} iterations of gradient descent (largest "
                    f"gradient component {info['grad_max']:.2e} > tol={self.tol}). ")
            return head + self._slow_descent_advice(objective, X, info["curve"])
        return None

    def _safe_steps(self, objective, X):
        """1/L on X as given and on X standardised, and the spread of the feature scales."""
        safe = 1.0 / self._curvature_bound(objective, X)
        std = X.std(axis=0)
        varying = std > 0
        scaled = (X[:, varying] - X[:, varying].mean(axis=0)) / std[varying] if varying.any() else X[:, :0]
        safe_scaled = 1.0 / self._curvature_bound(objective, scaled) if scaled.shape[1] else None
        spread = (std[varying].min(), std[varying].max()) if varying.any() else None
        return safe, safe_scaled, spread

    def _scaling_note(self, safe_scaled, spread):
        note = "scale the features (StandardScaler)"
        if spread is not None and spread[1] > 10 * spread[0]:
            note += f": their standard deviations range from {spread[0]:.2g} to {spread[1]:.3g}"
        if safe_scaled is not None:
            note += f", and on standardised features the safe step would be {safe_scaled:.3g}"
        return note

    def _divergence_message(self, objective, X, status, info):
        safe, safe_scaled, spread = self._safe_steps(objective, X)
        curve = info["curve"]
        if status == "overflow":
            what = f"at iteration {info['iteration']} the logits passed {_LOGIT_LIMIT:.0e}" + (
                f", after the loss had risen from {curve[0]:.4g} to {max(curve):.4g}" if max(curve) > curve[0] else "")
        else:
            what = (f"the loss rose from {info['from']:.4g} to {curve[-1]:.4g} over the last {_DIVERGENCE_WINDOW} "
                    f"iterations (iteration {info['iteration']})")
        return (
            f"Gradient descent is diverging: {what}, so training stopped. learning_rate={self.learning_rate_:.3g} "
            f"is too large for these data: LOWER it to at most {safe:.3g}, the safe step 1/L computed from X "
            f"(learning_rate='auto' uses it), and {self._scaling_note(safe_scaled, spread)}. The coefficients are "
            "those of the last finite step, not a fit."
        )

    def _slow_descent_advice(self, objective, X, curve):
        safe, safe_scaled, spread = self._safe_steps(objective, X)
        recent = np.diff(curve[-_DIVERGENCE_WINDOW - 1:])
        rises = int(np.sum(recent > 1e-12 * (1.0 + abs(curve[-1]))))
        if rises:
            return (f"The loss went up in {rises} of the last {recent.size} iterations: learning_rate="
                    f"{self.learning_rate_:.3g} is too large for these data. Lower it to at most {safe:.3g} "
                    f"(the safe step 1/L; learning_rate='auto' uses it) and {self._scaling_note(safe_scaled, spread)}.")
        advice = "The loss was still falling: use solver='newton' (a handful of iterations), increase max_iter"
        if self.learning_rate_ < 0.5 * safe:
            advice += f", raise learning_rate towards the safe step {safe:.3g} (learning_rate='auto')"
        return (advice + f", or {self._scaling_note(safe_scaled, spread)}. tol=0 runs a fixed number of "
                "iterations without this warning.")


class LogisticRegressionScratch(_ScratchClassifier):
    """Binary logistic regression trained by Newton's method or gradient descent.

    Parameters
    ----------
    solver : {"newton", "gd"}, default="newton"
        ``"newton"``: Newton / IRLS steps with the Hessian X~^T S X~ / n
        (S = diag(p (1 - p)), X~ = [X, 1]), solved by Cholesky with an eigenvalue
        fallback for (nearly) singular Hessians, and an Armijo line search.
        ``"gd"``: w <- w - learning_rate * gradient. See the module docstring.
    learning_rate : float or "auto", default="auto"
        Step size of ``"gd"`` (ignored by ``"newton"``). ``"auto"``: 1/L with
        L = lambda_max(X~^T X~) / (4 n) + 1/(C n), a step guaranteed never to raise
        the loss (notebook 04).
    max_iter : int, default=1000
    tol : float, default=1e-4
        Convergence test (see ``converged_``); ``tol=0`` runs ``max_iter``
        iterations without a convergence warning.
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
        Number of updates made.
    loss_curve_ : ndarray of shape (n_iter_ + 1,)
        The objective before training, then after each update.
    converged_ : bool
        True when the fit found the optimum: every gradient component <= ``tol``
        (and, for Newton, the next step <= ``tol`` in every coefficient, taken), or
        no step can lower the objective further in float64. False after ``max_iter``,
        a divergence, separable data without a penalty or a failed line search --
        each of which warns -- and after a ``tol=0`` run.
    learning_rate_ : float
        The step size gradient descent used (1/L for ``"auto"``); only with ``solver="gd"``.
    n_features_in_ : int
    feature_names_in_ : ndarray of str, shape (n_features_in_,)
        The column names of a DataFrame passed to ``fit`` (then ``predict`` checks them).
    """

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.classifier_tags.multi_class = False  # binary by design: see SoftmaxRegressionScratch
        return tags

    def __init__(self, solver="newton", learning_rate="auto", max_iter=1000, tol=1e-4, C=1.0, verbose=0):
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
        self._fit_objective(_BinaryObjective(X, t, self.C), X)
        return self

    def decision_function(self, X):
        """Logits z = X w + b, shape (n_samples,)."""
        X = self._validate_predict_X(X)
        return X @ self.coef_[0] + self.intercept_[0]

    def predict_proba(self, X):
        """Class probabilities, shape (n_samples, 2), columns in ``classes_`` order."""
        z = self.decision_function(X)
        return np.column_stack([sigmoid(-z), sigmoid(z)])  # sigmoid(-z) = 1 - sigmoid(z), without cancellation

    def predict(self, X, threshold=0.5):
        """``classes_[1]`` where P(classes_[1]) >= threshold, else ``classes_[0]``.

        A probability exactly equal to ``threshold`` goes to ``classes_[1]``
        (:func:`helpers.maths.predict_at_threshold`).
        """
        y_prob = self.predict_proba(X)[:, 1]
        return self.classes_[predict_at_threshold(y_prob, threshold)]


class SoftmaxRegressionScratch(_ScratchClassifier):
    """Multinomial (softmax) logistic regression trained by Newton's method or gradient descent.

    Parameters
    ----------
    solver : {"newton", "gd"}, default="newton"
        ``"newton"``: Newton steps with the full Hessian, of size (K (d + 1))^2 for
        K classes and d features (small for teaching data), restricted to
        coefficients whose every column sums to zero over the classes (adding one
        vector to every class changes no probability); Cholesky solve with an
        eigenvalue fallback, Armijo line search. ``"gd"``: gradient descent.
    learning_rate : float or "auto", default="auto"
        Step size of ``"gd"``. ``"auto"``: 1/L with L = lambda_max(X~^T X~) / (2 n)
        + 1/(C n) (1/2 bounds the curvature of the cross-entropy in the logits).
    max_iter : int, default=1000
    tol : float, default=1e-4
        As in :class:`LogisticRegressionScratch`.
    C : float, default=1.0
        Inverse L2 strength (``np.inf``: no penalty), as in scikit-learn.
    verbose : int, default=0

    Attributes
    ----------
    coef_ : ndarray of shape (n_classes, n_features)
        Every column sums to zero over the classes, as in scikit-learn.
    intercept_ : ndarray of shape (n_classes,)
        Sums to zero, as in scikit-learn.
    classes_, n_iter_, loss_curve_, converged_, learning_rate_, n_features_in_, feature_names_in_
        As in :class:`LogisticRegressionScratch`.
    """

    def __init__(self, solver="newton", learning_rate="auto", max_iter=1000, tol=1e-4, C=1.0, verbose=0):
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
        y_index = np.searchsorted(classes, y)
        self._fit_objective(_SoftmaxObjective(X, y_index, classes.size, self.C), X)
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
        """The class with the largest probability.

        With two classes this is the series' threshold rule at 0.5 (a tie goes to
        ``classes_[1]``, as in :class:`LogisticRegressionScratch`); with more, a tie
        goes to the class listed first in ``classes_``.
        """
        P = self.predict_proba(X)  # raises NotFittedError before classes_ is touched
        if P.shape[1] == 2:
            return self.classes_[predict_at_threshold(P[:, 1])]
        return self.classes_[np.argmax(P, axis=1)]
