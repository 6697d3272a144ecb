# corpus: ex2 correct
# tries: the ratio of the odds at two sizes, from the model's logits (decision_function) at x = 3 and 3 + delta
def odds_ratio(model, delta):
    """odds(x + delta) / odds(x) of a fitted one-feature LogisticRegression (the same for every x)."""
    z = model.decision_function(np.array([[3.0], [3.0 + delta]]))
    return float(np.exp(z[1] - z[0]))


odds_ratio_2cm = odds_ratio(model, 2.0)
