"""Tests for the multiclass plots and widget, and for the claims notebook 07 makes about iris."""
import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import log_loss  # noqa: E402
from sklearn.multiclass import OneVsRestClassifier  # noqa: E402
from sklearn.pipeline import make_pipeline  # noqa: E402

from helpers.data import load_iris_split  # noqa: E402
from helpers.maths import sigmoid, softmax  # noqa: E402
from helpers.models import LogisticRegressionScratch, SoftmaxRegressionScratch  # noqa: E402
from helpers.plots.multiclass import (  # noqa: E402
    class_probability_bars,
    plot_class_probabilities,
    plot_one_vs_rest,
    plot_regions_side_by_side,
)
from helpers.multiclass import class_probability_report, probability_curves  # noqa: E402
from helpers.widgets.multiclass import class_probability_explorer  # noqa: E402

NAMES = ["setosa", "versicolor", "virginica"]


@pytest.fixture(scope="module")
def iris():
    return load_iris_split()


@pytest.fixture(scope="module")
def softmax_sk(iris):
    return LogisticRegression().fit(iris.X_train, iris.y_train)


@pytest.fixture(scope="module")
def model_cm(iris, softmax_sk):
    return make_pipeline(iris.scaler, softmax_sk)


# ---------------------------------------------------------------- lesson claims
def test_scratch_one_vs_rest_matches_scikit_learn(iris):
    models = [LogisticRegressionScratch(solver="newton", tol=1e-10).fit(iris.X_train, (iris.y_train == k).astype(int))
              for k in range(3)]
    scores = np.column_stack([m.predict_proba(iris.X_test)[:, 1] for m in models])
    ovr = OneVsRestClassifier(LogisticRegression()).fit(iris.X_train, iris.y_train)
    np.testing.assert_array_equal(scores.argmax(axis=1), ovr.predict(iris.X_test))
    np.testing.assert_allclose(scores / scores.sum(axis=1, keepdims=True), ovr.predict_proba(iris.X_test), atol=1e-3)
    assert not np.allclose(scores.sum(axis=1), 1.0)  # OvR scores are not a distribution


def test_scratch_softmax_matches_logistic_regression(iris, softmax_sk):
    scratch = SoftmaxRegressionScratch(learning_rate=1.0, max_iter=50000, tol=1e-9).fit(iris.X_train, iris.y_train)
    assert scratch.n_iter_ < 50000
    tight = LogisticRegression(tol=1e-10, max_iter=1000).fit(iris.X_train, iris.y_train)
    np.testing.assert_allclose(scratch.coef_, tight.coef_, atol=1e-5)
    np.testing.assert_allclose(scratch.intercept_, tight.intercept_, atol=1e-5)
    np.testing.assert_array_equal(scratch.predict(iris.X_test), softmax_sk.predict(iris.X_test))
    assert softmax_sk.coef_.shape == (3, 4)
    assert "multi_class" not in softmax_sk.get_params()


def test_softmax_beats_one_vs_rest_on_log_loss(iris, softmax_sk):
    ovr = OneVsRestClassifier(LogisticRegression()).fit(iris.X_train, iris.y_train)
    assert log_loss(iris.y_test, softmax_sk.predict_proba(iris.X_test)) < log_loss(
        iris.y_test, ovr.predict_proba(iris.X_test))


def test_softmax_of_two_logits_is_the_sigmoid():
    z = np.linspace(-20, 20, 41)
    np.testing.assert_allclose(softmax(np.column_stack([z, np.zeros_like(z)]))[:, 0], sigmoid(z))


# ---------------------------------------------------------------- plots
def test_class_probability_bars_heights_and_labels():
    fig, ax = plt.subplots()
    bars, labels = class_probability_bars([0.2, 0.5, 0.3], NAMES, ax=ax)
    np.testing.assert_allclose([b.get_height() for b in bars], [0.2, 0.5, 0.3])
    assert [t.get_text() for t in labels] == ["0.200", "0.500", "0.300"]
    assert [t.get_text() for t in ax.get_xticklabels()] == NAMES
    assert len({b.get_hatch() for b in bars}) == 3  # told apart without colour
    with pytest.raises(ValueError, match="3 values but there are 2"):
        class_probability_bars([0.2, 0.5, 0.3], NAMES[:2])


def test_plot_class_probabilities_returns_axes():
    ax = plot_class_probabilities(np.array([0.1, 0.7, 0.2]), NAMES, title="one flower")
    assert ax.get_title() == "one flower" and ax.get_xlabel() and ax.get_ylabel()
    assert len(ax.patches) == 3


def test_plot_one_vs_rest_panels(iris):
    X2 = iris.X_train[:, 2:]
    models = [LogisticRegression().fit(X2, (iris.y_train == k).astype(int)) for k in range(3)]
    axes = plot_one_vs_rest(models, X2, iris.y_train, NAMES, resolution=40)
    assert [ax.get_title() for ax in axes] == [f"{n} vs rest" for n in NAMES]
    with pytest.raises(ValueError, match="one estimator and one name per class"):
        plot_one_vs_rest(models[:2], X2, iris.y_train, NAMES)


def test_plot_regions_side_by_side(iris):
    X2 = iris.X_train[:, 2:]
    models = [OneVsRestClassifier(LogisticRegression()).fit(X2, iris.y_train), LogisticRegression().fit(X2, iris.y_train)]
    axes = plot_regions_side_by_side(models, X2, iris.y_train, titles=["OvR", "softmax"], class_names=NAMES,
                                     resolution=40)
    assert [ax.get_title() for ax in axes] == ["OvR", "softmax"]
    with pytest.raises(ValueError, match="one title per model"):
        plot_regions_side_by_side(models, X2, iris.y_train, titles=["only one"])


# ---------------------------------------------------------------- pure functions behind the widget
def test_probability_curves_match_predict_proba(iris, model_cm):
    x = iris.scaler.inverse_transform(iris.X_test[9:10])[0]
    values = np.array([1.0, 2.5, 4.0, 6.5])
    curves = probability_curves(model_cm, x, 2, values)
    assert curves.shape == (4, 3)
    rows = np.repeat(x[None, :], 4, axis=0)
    rows[:, 2] = values
    np.testing.assert_allclose(curves, model_cm.predict_proba(rows))
    np.testing.assert_allclose(curves.sum(axis=1), 1.0)


def test_class_probability_report(iris, model_cm):
    x = iris.scaler.inverse_transform(iris.X_test[9:10])[0]
    report = class_probability_report(model_cm, x, 2, 6.0, NAMES)
    assert list(report) == ["P(setosa)", "P(versicolor)", "P(virginica)", "predicted"]
    assert sum(report[f"P({n})"] for n in NAMES) == pytest.approx(1.0)
    x6 = x.copy()
    x6[2] = 6.0
    assert report["predicted"] == NAMES[model_cm.predict(x6[None, :])[0]]
    assert [class_probability_report(model_cm, x, 2, v, NAMES)["predicted"] for v in (1.0, 3.0, 6.0)] == NAMES
    assert x[2] == pytest.approx(4.5)  # the example itself is not modified


def test_class_probability_report_errors(iris, model_cm):
    x = iris.scaler.inverse_transform(iris.X_test[:1])[0]
    with pytest.raises(ValueError, match="out of range"):
        class_probability_report(model_cm, x, 4, 1.0, NAMES)
    with pytest.raises(ValueError, match="3 classes but 2 class names"):
        class_probability_report(model_cm, x, 0, 1.0, NAMES[:2])
    with pytest.raises(ValueError, match="feature must be an integer >= 0"):
        class_probability_report(model_cm, x, -1, 1.0, NAMES)
    with pytest.raises(ValueError, match="1-D"):
        class_probability_report(model_cm, x[None, :], 0, 1.0, NAMES)


def test_class_probability_explorer_moves_bars(iris, model_cm):
    x = iris.scaler.inverse_transform(iris.X_test[9:10])[0]
    box = class_probability_explorer(model_cm, x, 2, NAMES, "petal length (cm)", value_range=(1.0, 7.0))
    slider, html = box.controls["value"], box.readout
    readout = dict(re.findall(r"<b>(.*?)</b>: ([^<]*)", html.value))
    assert list(readout) == ["petal length (cm)", "P(setosa)", "P(versicolor)", "P(virginica)", "predicted"]
    assert readout["predicted"] == "versicolor" and float(readout["petal length (cm)"]) == pytest.approx(4.5)
    box.set(value=6.5)
    assert slider.value == 6.5
    readout = dict(re.findall(r"<b>(.*?)</b>: ([^<]*)", html.value))
    expected = class_probability_report(model_cm, x, 2, 6.5, NAMES)
    assert readout["predicted"] == expected["predicted"] == "virginica"
    assert float(readout["P(virginica)"]) == pytest.approx(expected["P(virginica)"], abs=1e-3)
    with pytest.raises(ValueError, match="low < high"):
        class_probability_explorer(model_cm, x, 2, NAMES, "petal length (cm)", value_range=(7.0, 1.0))
