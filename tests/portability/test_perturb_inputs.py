"""The portability run's input nudge really reaches a notebook kernel (else that run would prove nothing)."""
import os
import shutil
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

HERE = Path(__file__).parent

CHECK = """\
import numpy as np
from sklearn.datasets import load_iris, make_classification
from helpers.data import load_breast_cancer_split, make_tumour_sizes
import helpers.data, sklearn.datasets

iris = load_iris()
plain = sklearn.datasets.load_iris.__wrapped__()
ratio = iris.data / plain.data - 1
X, y = make_classification(random_state=0)
X0, y0 = make_classification.__wrapped__(random_state=0)
sizes, labels = make_tumour_sizes()
sizes0, labels0 = helpers.data.make_tumour_sizes.__wrapped__()
split = load_breast_cancer_split()
print(0 < np.abs(ratio).max() <= 1e-9, np.array_equal(iris.target, plain.target))
print(0 < np.abs(X / X0 - 1).max() <= 1e-9, np.array_equal(y, y0))
print(0 < np.abs(sizes / sizes0 - 1).max() <= 2e-9, np.array_equal(labels, labels0))
print(type(split.X_train).__name__, split.X_train.shape)
"""


def test_every_loader_is_nudged_in_the_kernel_and_labels_are_not(tmp_path):
    startup = tmp_path / "ipython" / "profile_default" / "startup"
    startup.mkdir(parents=True)
    shutil.copy(HERE / "perturb_inputs.py", startup / "00-perturb-inputs.py")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(CHECK)])
    env = {**os.environ, "IPYTHONDIR": str(tmp_path / "ipython"), "LOGREG_PERTURB": "1e-9"}
    client = NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}})
    client.km = client.kernel_manager_class(kernel_name="python3")
    client.km.kernel_cmd = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    with client.setup_kernel(env=env):
        client.execute_cell(nb.cells[0], 0)
    text = "".join(o.get("text", "") for o in nb.cells[0].outputs if o.output_type == "stream")
    errors = [o for o in nb.cells[0].outputs if o.output_type == "error"]
    assert not errors, errors
    assert text.split("\n")[:4] == ["True True", "True True", "True True", "DataFrame (455, 30)"], text
