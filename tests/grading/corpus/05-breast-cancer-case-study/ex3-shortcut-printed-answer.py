# corpus: ex3 shortcut
# tries: returns the factor printed in section 5 for worst texture, for any model and feature
def malignant_odds_ratio(model, scaler, feature_names, feature, delta):
    """Factor on the odds of malignant (class 0) when raw `feature` rises by `delta` units."""
    return 3.485


texture_or_5 = malignant_odds_ratio(model, data.scaler, data.feature_names, "worst texture", 5.0)
