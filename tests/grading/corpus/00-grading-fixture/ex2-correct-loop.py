# corpus: ex2 correct
# tries: a plain Python loop instead of a vectorised sum
y_prob = np.array([0.2, 0.7, 0.5, 0.9])
n_positive = 0
for p in y_prob:
    if p >= 0.5:
        n_positive += 1
