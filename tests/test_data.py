"""Data loaders: offline, seeded, and shaped as the notebooks expect."""
import numpy as np
import pandas as pd

from helpers import (
    load_breast_cancer_split,
    load_iris_split,
    make_linear_2d,
    make_moons_2d,
    make_rings,
    make_tumour_sizes,
)


def test_tumour_sizes_are_seeded_and_labelled():
    X, y = make_tumour_sizes()
    X2, y2 = make_tumour_sizes()
    np.testing.assert_array_equal(X, X2)
    assert X.shape == (40, 1) and set(y) == {0, 1} and (y == 1).sum() == 20
    assert X.min() > 0
    assert X[y == 1].mean() > X[y == 0].mean() + 2, "malignant tumours should be larger on average"
    Xe, ye = make_tumour_sizes(extreme_size=25.0)
    assert Xe.shape == (41, 1) and Xe[-1, 0] == 25.0 and ye[-1] == 1
    np.testing.assert_array_equal(Xe[:-1], X)
    assert not np.array_equal(make_tumour_sizes(random_state=1)[0], X)


def test_breast_cancer_split():
    d = load_breast_cancer_split()
    assert isinstance(d.X_train, pd.DataFrame) and list(d.X_train.columns) == d.feature_names
    assert d.X_train.shape == (455, 30) and d.X_test.shape == (114, 30)
    assert d.target_names == ["malignant", "benign"]
    # stratified: the malignant share is the same (to rounding) in both parts
    assert abs((d.y_train == 0).mean() - 212 / 569) < 0.01 and abs((d.y_test == 0).mean() - 212 / 569) < 0.01
    # scaler fitted on the training part only
    np.testing.assert_allclose(d.X_train.mean(), 0, atol=1e-12)
    np.testing.assert_allclose(d.X_train.std(ddof=0), 1, atol=1e-12)
    assert np.abs(d.X_test.mean()).max() > 1e-3
    raw = load_breast_cancer_split(scale=False)
    assert raw.scaler is None and raw.X_train["mean radius"].mean() > 10


def test_iris_and_2d_sets():
    d = load_iris_split()
    assert d.X_train.shape == (120, 4) and d.X_test.shape == (30, 4)
    assert np.bincount(d.y_test).tolist() == [10, 10, 10]
    X, y = make_linear_2d()
    assert X.shape == (300, 2) and set(y) == {0, 1}
    np.testing.assert_allclose(X.mean(axis=0), 0, atol=1e-12)
    Xr, yr = make_rings()
    radius = np.hypot(*Xr.T)
    assert radius[yr == 1].mean() < radius[yr == 0].mean()
    Xm, ym = make_moons_2d()
    assert Xm.shape == (200, 2) and set(ym) == {0, 1}
