# corpus: ex3 correct
# tries: flag when the odds p / (1 − p) reach cost_fp / cost_fn, and solve w x + b = log of those odds for x
def threshold_from_costs(cost_fn, cost_fp):
    """The probability threshold that minimises the expected cost of each decision."""
    return 1 / (1 + cost_fn / cost_fp)


x_flag = (np.log(1.0 / 9.0) - model.intercept_[0]) / model.coef_[0, 0]
