"""Multiclass (notebook 07): what happens to the class probabilities as one feature of an example changes.

Pure functions; :func:`helpers.widgets.multiclass.class_probability_explorer` puts a slider on them.
"""
import numpy as np

from ._validation import as_float_array, check_int


def check_example(model, x, feature, class_names):
    """A validated copy of the 1-D example ``x``; ``feature`` and ``class_names`` must fit the model."""
    x = as_float_array(x, name="x", ndim=1).copy()
    check_int(feature, "feature")
    if feature >= x.size:
        raise ValueError(f"feature={feature} is out of range for an example with {x.size} features.")
    n_classes = len(model.classes_)
    if len(class_names) != n_classes:
        raise ValueError(f"The model has {n_classes} classes but {len(class_names)} class names were given.")
    return x


def probability_curves(model, x, feature, values):
    """P(class k | x) as feature number ``feature`` of the example ``x`` runs through ``values``.

    Returns
    -------
    ndarray of shape (len(values), n_classes)
    """
    x = check_example(model, x, feature, list(model.classes_))
    values = as_float_array(values, name="values", ndim=1)
    rows = np.repeat(x[None, :], values.size, axis=0)
    rows[:, feature] = values
    return model.predict_proba(rows)


def class_probability_report(model, x, feature, value, class_names):
    """The class probabilities of example ``x`` with feature number ``feature`` set to ``value``.

    Parameters
    ----------
    model : fitted classifier with ``predict_proba`` (e.g. a Pipeline that scales first)
    x : array-like of shape (n_features,)
        The example, in the units the model takes.
    feature : int
    value : float
    class_names : sequence of str
        One per class, in the order of ``model.classes_``.

    Returns
    -------
    dict
        ``P(<name>)`` for every class, then ``predicted`` (the name of the most probable class).
    """
    proba = probability_curves(model, check_example(model, x, feature, class_names), feature, [value])[0]
    report = {f"P({name})": float(p) for name, p in zip(class_names, proba)}
    report["predicted"] = str(class_names[int(np.argmax(proba))])
    return report
