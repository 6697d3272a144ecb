# corpus: ex2 shortcut
# tries: counts probabilities strictly above 0.5, so 0.5 itself is left out
y_prob = np.array([0.2, 0.7, 0.5, 0.9])
n_positive = int(np.sum(y_prob > 0.5))
