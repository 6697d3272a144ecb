"""A saved notebook opened before Run All: the explorer's cell says how to use it, and shows its figure."""
import nbformat
import pytest
from nbclient import NotebookClient

from helpers.widgets.core import PLACEHOLDER

from .notebook_ui import ARTIFACTS

pytestmark = pytest.mark.browser


def test_saved_explorer_shows_the_placeholder_and_the_figure(jupyter_server, page):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("from helpers.widgets.loss import log_loss_explorer\n"
                                          "explorer = log_loss_explorer()")]
    NotebookClient(nb, timeout=120, kernel_name="python3").execute()  # as nbconvert --execute saves it
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / "saved-explorer.ipynb"
    nbformat.write(nb, path)
    try:
        page.goto(jupyter_server.url(path.relative_to(ARTIFACTS.parent).as_posix()))
        page.wait_for_function("() => window.jupyterapp !== undefined", timeout=60_000)
        output = page.locator(".jp-OutputArea").first
        output.locator("img").wait_for(timeout=60_000)
        page.wait_for_timeout(1000)  # let the widget renderer try, and give up
        text = output.inner_text()
        assert PLACEHOLDER in text and "VBox(" not in text, text[:300]
        assert output.locator("img").evaluate("img => img.naturalWidth") > 0  # the starting figure is there
    finally:
        path.unlink(missing_ok=True)
