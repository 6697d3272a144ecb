# corpus: ex3 shortcut
# tries: the share of the missed-cancer cost (τ = 0.9 for 9:1), which flags fewer tumours the costlier a miss is
def threshold_from_costs(cost_fn, cost_fp):
    """The probability threshold that minimises the expected cost of each decision."""
    return cost_fn / (cost_fn + cost_fp)


x_flag = logistic_boundary(model.coef_[0, 0], model.intercept_[0], threshold_from_costs(9.0, 1.0))
