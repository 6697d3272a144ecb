# corpus: ex2 shortcut
# tries: the weight printed in section 6 (w = 3.517) instead of the model it is given
def odds_ratio(model, delta):
    """odds(x + delta) / odds(x) of a fitted one-feature LogisticRegression (the same for every x)."""
    return float(np.exp(3.517 * delta))


odds_ratio_2cm = 33.6955 ** 2
