# corpus: ex3 shortcut
# tries: treats delta raw units as delta standard deviations (forgets the scaler)
def malignant_odds_ratio(model, scaler, feature_names, feature, delta):
    """Factor on the odds of malignant (class 0) when raw `feature` rises by `delta` units."""
    return float(np.exp(-model.coef_[0, list(feature_names).index(feature)] * delta))


texture_or_5 = malignant_odds_ratio(model, data.scaler, data.feature_names, "worst texture", 5.0)
