# corpus: ex3 shortcut
# tries: loads the rows into a SoftmaxRegressionScratch and reads the logit difference off decision_function
from helpers.models import SoftmaxRegressionScratch as Model


def sigmoid_weights(coef, intercept):
    """(w, b) with sigmoid(x @ w + b) = P(y = 1 | x) of the two-class softmax model (coef, intercept)."""
    coef, intercept = np.asarray(coef, float), np.asarray(intercept, float)
    d = coef.shape[1]
    model = Model()
    model.coef_, model.intercept_, model.classes_, model.n_features_in_ = coef, intercept, np.arange(2), d
    gap = model.decision_function(np.vstack([np.zeros(d), np.eye(d)]))  # z_1 - z_0 for two classes
    return gap[1:] - gap[0], float(gap[0])
