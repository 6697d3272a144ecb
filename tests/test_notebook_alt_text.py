"""Every figure a notebook shows carries alt text in its output's metadata.

A screen reader, the website (make site) and any front end that supports it read the text from
``{"image/png": {"alt": "…"}}`` on the image output. Two things put it there when a notebook is
executed: ``%load_ext helpers.plots.alt_text`` in the Setup cell (figures shown by the inline
backend) and the widget core's ``image_metadata(fig)`` (slider figures). See
helpers/plots/alt_text.py.
"""
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
IMAGE_TYPES = ("image/png", "image/jpeg", "image/svg+xml")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_image_output_has_alt_text(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    images, missing, malformed = 0, [], []
    for index, cell in enumerate(nb["cells"]):
        for out in cell.get("outputs", []):
            for mime in IMAGE_TYPES:
                if mime not in out.get("data", {}):
                    continue
                images += 1
                alt = out.get("metadata", {}).get(mime, {}).get("alt")
                first = "".join(cell["source"]).splitlines()[0][:60] if cell["source"] else ""
                if not isinstance(alt, str) or not alt.strip():
                    missing.append(f"cell {index} ({first!r})")
                elif "\n" in alt or not alt.rstrip().endswith("."):
                    malformed.append(f"cell {index}: {alt!r}")
    assert images, f"{path.name} shows no figure"
    assert not missing, (
        f"{len(missing)} of {images} images have no alt text: {', '.join(missing)}. Put "
        "'%load_ext helpers.plots.alt_text' in the Setup cell and re-execute the notebook "
        "(figures from helpers.widgets need the widget core to pass image_metadata(fig))."
    )
    assert not malformed, f"alt text should be one sentence: {malformed}"
