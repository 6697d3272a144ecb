"""IPython startup script: nudge every data set a notebook loads by a relative 1e-9 (or $LOGREG_PERTURB).

The portability run (`make portability`) installs this file as a kernel startup script, so each notebook
runs on data that differ from the original in the last few significant digits. A printed number that
changes under such a nudge is floating-point noise, not a result: the notebook's regression test then
fails on it, exactly as it would on a machine with another BLAS kernel.

What is nudged: the feature matrices returned by scikit-learn's bundled loaders and generators and by
`helpers.data` (never the labels). Every reference to those functions in every loaded module is
replaced, so `from sklearn.datasets import load_iris` in a notebook, or inside `helpers.data`, gets the
nudged version. Runs before the notebook's first cell.
"""


def _install_input_perturbation():
    import os
    import sys

    import numpy as np
    import pandas as pd
    import sklearn.datasets
    from sklearn.utils import Bunch

    import helpers.data

    scale = float(os.environ.get("LOGREG_PERTURB", "1e-9"))
    rng = np.random.default_rng(int(os.environ.get("LOGREG_PERTURB_SEED", "0")))

    def nudge(values):
        if isinstance(values, pd.DataFrame):
            values = values.copy()
            floats = values.select_dtypes("float").columns
            values[floats] = values[floats] * (1 + scale * rng.uniform(-1, 1, (len(values), len(floats))))
            return values
        if isinstance(values, np.ndarray) and values.dtype.kind == "f":
            return values * (1 + scale * rng.uniform(-1, 1, values.shape))
        return values

    def perturbed(result):
        if isinstance(result, Bunch):
            for key in ("data", "X", "X_train", "X_val", "X_test"):
                if key in result:
                    result[key] = nudge(result[key])
            if isinstance(result.get("frame"), pd.DataFrame) and isinstance(result.get("data"), pd.DataFrame):
                result["frame"] = result["frame"].copy()
                result["frame"][result["data"].columns] = result["data"]
            return result
        if isinstance(result, tuple) and result:
            return (nudge(result[0]),) + tuple(result[1:])
        return nudge(result)

    def wrap(function):
        def nudged(*args, **kwargs):
            return perturbed(function(*args, **kwargs))

        nudged.__name__, nudged.__doc__, nudged.__wrapped__ = function.__name__, function.__doc__, function
        return nudged

    names = ["load_breast_cancer", "load_iris", "load_wine", "load_digits", "make_classification",
             "make_circles", "make_moons", "make_blobs"]
    targets = [getattr(sklearn.datasets, name) for name in names]
    targets += [getattr(helpers.data, name) for name in helpers.data.__all__] if hasattr(helpers.data, "__all__") \
        else [f for name, f in vars(helpers.data).items()
              if callable(f) and not name.startswith("_") and getattr(f, "__module__", "") == "helpers.data"]
    replacements = {id(f): wrap(f) for f in targets}
    for module in list(sys.modules.values()):
        namespace = getattr(module, "__dict__", None)
        if not isinstance(namespace, dict):
            continue
        for key, value in list(namespace.items()):
            if callable(value) and id(value) in replacements and any(value is f for f in targets):
                namespace[key] = replacements[id(value)]


# IPython runs startup scripts as __main__; importing this file (e.g. doctest collection) changes nothing.
if __name__ == "__main__":
    _install_input_perturbation()
del _install_input_perturbation
