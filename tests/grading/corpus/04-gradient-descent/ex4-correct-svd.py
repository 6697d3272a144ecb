# corpus: ex4 correct
# tries: the eigenvalues of H as squared singular values of sqrt(S / m) X̃, and the factor as (κ − 1) / (κ + 1)
def fastest_learning_rate(X, w, b):
    """(alpha, factor): the learning rate that makes gradient descent converge fastest near the minimiser (w, b),
    and the factor by which it then shrinks the distance to the minimum per step."""
    X = np.asarray(X, dtype=float)
    X_ones = np.column_stack([X, np.ones(len(X))])
    p = 1 / (1 + np.exp(-(X_ones @ np.append(np.asarray(w, dtype=float), b))))
    singular = np.linalg.svd(X_ones * np.sqrt(p * (1 - p) / len(X))[:, None], compute_uv=False)
    largest, smallest = singular[0] ** 2, singular[-1] ** 2
    kappa = largest / smallest
    return 2 / (largest + smallest), (kappa - 1) / (kappa + 1)
