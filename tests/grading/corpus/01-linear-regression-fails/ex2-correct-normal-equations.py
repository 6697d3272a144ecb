# corpus: ex2 correct
# tries: the normal equations (A^T A) theta = A^T y solved with np.linalg.solve
def out_of_range_report(x, y):
    """(number of predictions outside [0, 1], smallest prediction, largest prediction) of a least-squares line."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    A = np.column_stack([x, np.ones_like(x)])
    theta = np.linalg.solve(A.T @ A, A.T @ y)
    y_hat = A @ theta
    n_outside = int(np.count_nonzero((y_hat < 0) | (y_hat > 1)))
    return n_outside, float(np.min(y_hat)), float(np.max(y_hat))
