# corpus: ex2 shortcut
# tries: scikit-learn's l1_min_c (labels as -1/+1, so it ignores the class balance)
from sklearn.svm import l1_min_c


def first_entry_C(X, y):
    """The largest C at which the L1-penalised logistic regression keeps no feature."""
    return float(l1_min_c(X, y, loss="log"))


C_first_mine = first_entry_C(X_train, y_train)
