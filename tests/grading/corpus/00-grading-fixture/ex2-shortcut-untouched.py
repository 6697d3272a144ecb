# corpus: ex2 shortcut
# tries: hands the exercise in as released, unsolved
y_prob = np.array([0.2, 0.7, 0.5, 0.9])
# YOUR CODE HERE
raise NotImplementedError()
