# corpus: ex2 shortcut
# tries: scales the one-centimetre factor e^w by delta (2 cm = twice the factor) instead of raising it to a power
def odds_ratio(model, delta):
    """odds(x + delta) / odds(x) of a fitted one-feature LogisticRegression (the same for every x)."""
    return float(np.exp(model.coef_[0, 0]) * delta)


odds_ratio_2cm = odds_ratio(model, 2.0)
