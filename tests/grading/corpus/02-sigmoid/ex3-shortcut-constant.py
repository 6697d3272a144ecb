# corpus: ex3 shortcut
# tries: the answer for the 9:1 clinic (τ = 0.1) whatever the costs
def threshold_from_costs(cost_fn, cost_fp):
    """The probability threshold that minimises the expected cost of each decision."""
    return 0.1


x_flag = logistic_boundary(model.coef_[0, 0], model.intercept_[0], 0.1)
