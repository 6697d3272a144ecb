# corpus: ex1 shortcut
# tries: one step of gradient_descent_path at learning rate 1 from theta, differenced: start minus end is the gradient
def stacked_gradient(X, y, theta):
    """Gradient of the mean log loss at theta = (w_1, ..., w_n, b), as one 1-D array."""
    theta = np.asarray(theta, dtype=float)
    run = gradient_descent_path(np.asarray(X, dtype=float), y, 1.0, 1, w0=theta[:-1], b0=theta[-1])
    return run["path"][0] - run["path"][1]
