# corpus: ex3 correct
# tries: asks the model itself: log-odds at a raw point and at the point moved by delta, through the scaler
def malignant_odds_ratio(model, scaler, feature_names, feature, delta):
    """Factor on the odds of malignant (class 0) when raw `feature` rises by `delta` units."""
    j = list(feature_names).index(feature)
    raw = np.array([scaler.mean_, scaler.mean_], dtype=float)
    raw[1, j] += delta
    if hasattr(scaler, "feature_names_in_"):
        raw = pd.DataFrame(raw, columns=scaler.feature_names_in_)
    z = model.decision_function(scaler.transform(raw))  # log-odds of class 1 (benign)
    return float(np.exp(z[0] - z[1]))


texture_or_5 = malignant_odds_ratio(model, data.scaler, data.feature_names, "worst texture", 5.0)
