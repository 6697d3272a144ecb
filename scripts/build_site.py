#!/usr/bin/env python3
"""Build the series' static website in site/ from the committed notebooks (``make site``).

One page per notebook, as a student receives it, plus an index with the README's notebook table:

- **Student view.** Each page is made from a student copy built the way nbgrader builds one: its
  ``ClearSolutions`` and ``ClearHiddenTests`` preprocessors, configured by nbgrader_config.py, replace
  solutions with the stub and drop hidden tests; exercise cells keep no outputs (they were produced
  by the solutions). The download link on each page gives that student copy without outputs.
- **Figures and outputs** are the committed ones, nothing is re-executed. Images are written as PNG
  files next to the page; their ``alt`` attribute is the text stored in the output's metadata
  (``{"image/png": {"alt": …}}``, see ``helpers.plots.alt_text``).
- **Widgets** have no live kernel here: each widget view becomes a one-line note, and the figure
  below it -- an ordinary image output -- shows the controls' starting values.
- **Offline**: no script, font or stylesheet from another site. Maths is converted to MathML
  (latex2mathml), which browsers render natively; JupyterLab's stylesheet is written once to
  static/ rather than into every page.

Tools: nbconvert's HTML exporter (lab template, a few blocks overridden in scripts/site/), nbgrader's
preprocessors, latex2mathml. Usage::

    python scripts/build_site.py [--out site]
"""
from __future__ import annotations

import argparse
import copy
import html
import re
import shutil
import struct
import sys
import time
from pathlib import Path

import jinja2
import nbformat
from jupyter_core.paths import jupyter_path
from latex2mathml.converter import convert as latex_to_mathml
from nbconvert.exporters import HTMLExporter
from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath
from nbconvert.preprocessors import ExtractOutputPreprocessor

try:
    from jinja2 import pass_context
except ImportError:  # pragma: no cover -- older Jinja
    from jinja2 import contextfilter as pass_context

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO / "notebooks"
TEMPLATES = Path(__file__).resolve().parent / "site"
SERIES = "Logistic regression, interactively"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_NOTE = ("Interactive in Jupyter: run this notebook to move the controls. "
               "The figure below shows their starting values.")
MARKER = ".site-build"  # marks a folder this script made, so a rebuild may empty it
NBGRADER_MARKERS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS")


# --------------------------------------------------------------------------------------------
# Student copies
# --------------------------------------------------------------------------------------------

def nbgrader_config():
    """The course's nbgrader settings (the solution stub, the markers), as nbgrader would load them."""
    from traitlets.config.loader import PyFileConfigLoader

    return PyFileConfigLoader("nbgrader_config.py", path=str(REPO)).load_config()


def is_exercise(cell) -> bool:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return bool(meta.get("solution") or meta.get("grade"))


def student_copy(nb, config):
    """The notebook as nbgrader hands it out: solutions replaced by the stub, hidden tests removed,
    exercise outputs dropped; lesson outputs kept (the page shows them)."""
    from nbgrader.preprocessors import ClearHiddenTests, ClearSolutions

    nb = copy.deepcopy(nb)
    resources = {}
    nb, resources = ClearSolutions(config=config).preprocess(nb, resources)
    nb, resources = ClearHiddenTests(config=config).preprocess(nb, resources)
    for cell in nb.cells:
        if cell.cell_type == "code" and is_exercise(cell):
            cell.outputs = []
            cell.execution_count = None
    nb.metadata.pop("widgets", None)  # widget state: no kernel and no widget manager on the site
    return nb


def download_copy(student_nb, config):
    """What the page's download link gives: the student copy with no outputs, test cells locked."""
    from nbgrader.preprocessors import LockCells

    nb = copy.deepcopy(student_nb)
    nb, _ = LockCells(config=config).preprocess(nb, {})
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return nb


# --------------------------------------------------------------------------------------------
# Pages
# --------------------------------------------------------------------------------------------

class MathMLRenderer(IPythonRenderer):
    """nbconvert's Markdown renderer, with TeX maths turned into MathML (no MathJax to download)."""

    def block_math(self, body):
        return _mathml(body, "block")

    def multiline_math(self, text):
        return _mathml(text.strip().strip("$"), "block")

    def latex_environment(self, name, body):
        return _mathml(f"\\begin{{{name}}}{body}\\end{{{name}}}", "block")

    def inline_math(self, body):
        return _mathml(body, "inline")


def _mathml(tex, display):
    try:
        return latex_to_mathml(tex.strip(), display=display)
    except Exception as exc:  # latex2mathml raises its own exception types
        raise SystemExit(f"cannot convert the maths {tex!r} to MathML: {exc}") from exc


class SiteExporter(HTMLExporter):
    """nbconvert's HTML exporter with the site's template and MathML maths."""

    @pass_context
    def markdown2html(self, context, source):
        cell = context.get("cell", {})
        renderer = MathMLRenderer(
            escape=False,
            attachments=cell.get("attachments", {}),
            embed_images=self.embed_images,
            path=context.get("resources", {}).get("metadata", {}).get("path", ""),
            anchor_link_text=self.anchor_link_text,
            exclude_anchor_links=self.exclude_anchor_links,
            **self.lexer_options,
        )
        return MarkdownWithMath(renderer=renderer).render(source)


def make_exporter():
    exporter = SiteExporter(template_name="site", extra_template_basedirs=[str(TEMPLATES / "templates")])
    exporter.exclude_input_prompt = False
    return exporter


def page_name(notebook: Path) -> str:
    return notebook.stem + ".html"


def notebook_title(nb) -> tuple[str, str]:
    """("01", "Why linear regression fails …") from the first cell's "# 01 · Title"."""
    first = nb.cells[0].source.strip().splitlines()[0]
    match = re.match(r"#\s*(\d\d)\s*·\s*(.+)", first)
    if not match:
        raise SystemExit(f"the first cell must start '# NN · Title', not {first!r}")
    return match.group(1), match.group(2).strip()


def rewrite_links(source: str, pages: dict[str, str], where: str) -> str:
    """Point a Markdown cell's links at the site: NN-name.ipynb -> NN-name.html, ../README.md -> index.

    A relative link to anything else would be broken on the site: stop with a clear message.
    """
    def target(url: str) -> str:
        if re.match(r"^[a-z][a-z0-9+.-]*:", url, re.I) or url.startswith("#"):
            return url
        path, sep, fragment = url.partition("#")
        name = Path(path).name
        if path in pages.values():
            return url
        if path in pages or name in pages and path in (name, f"../notebooks/{name}"):
            return pages[name] + sep + fragment
        if path in ("../README.md", "../README.md/"):
            return "index.html" + sep + fragment
        raise SystemExit(f"{where}: the link {url!r} points at a file the site does not contain")

    source = re.sub(r"(\]\()(<?)([^)\s>]+)(>?)", lambda m: m[1] + m[2] + target(m[3]) + m[4], source)
    return re.sub(r'(href=")([^"]+)(")', lambda m: m[1] + target(m[2]) + m[3], source)


def png_size(data: bytes) -> tuple[int, int]:
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    return struct.unpack(">II", data[16:24])


def section_of(nb, index: int) -> str:
    """The nearest heading above cell ``index`` (for a figure stored without alt text)."""
    for cell in reversed(nb.cells[:index]):
        if cell.cell_type == "markdown":
            headings = re.findall(r"^#+\s+(.+)$", cell.source, re.M)
            if headings:
                return re.sub(r"[*_`]", "", headings[-1]).strip()
    return "the notebook"


def prepare_outputs(nb) -> tuple[int, int]:
    """Widget views -> the note; images: alt text (a stated fallback if none is stored) and size.

    Returns (widget notes, images without stored alt text).
    """
    notes = missing_alt = 0
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        outputs = []
        for out in cell.outputs:
            data = out.get("data", {})
            if WIDGET_VIEW in data:
                notes += 1
                outputs.append(nbformat.v4.new_output(
                    "display_data", data={"text/html": f'<p class="site-widget-note">{html.escape(WIDGET_NOTE)}</p>'}))
                continue
            if "image/png" in data:
                meta = out.setdefault("metadata", {}).setdefault("image/png", {})
                alt = " ".join(str(meta.get("alt") or "").split())
                if not alt:
                    missing_alt += 1
                    alt = f"Figure without a stored description, in the section “{section_of(nb, index)}”."
                    meta["site_alt_missing"] = True
                meta["alt"] = alt
                if "width" not in meta:
                    import base64

                    meta["width"], meta["height"] = png_size(base64.b64decode(data["image/png"]))
            outputs.append(out)
        cell.outputs = outputs
    return notes, missing_alt


def build_page(nb, notebook: Path, exporter, site: dict, out: Path) -> dict:
    """Write one notebook's page and its images; return what the page holds."""
    resources = {
        "metadata": {"name": site["title"], "path": str(notebook.parent)},
        "unique_key": notebook.stem,
        "output_files_dir": f"{notebook.stem}_files",
        "outputs": {},
        "site": site,
    }
    nb, resources = ExtractOutputPreprocessor(extract_output_types={"image/png"}).preprocess(nb, resources)
    body, resources = exporter.from_notebook_node(nb, resources=resources)
    (out / page_name(notebook)).write_text(body, encoding="utf-8")
    for name, data in resources.get("outputs", {}).items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return {"images": len(resources.get("outputs", {})), "css": resources.get("inlining", {}).get("css", [])}


# --------------------------------------------------------------------------------------------
# Index, assets, the whole site
# --------------------------------------------------------------------------------------------

def readme_parts(readme: str) -> tuple[str, str, str]:
    """(title, first paragraph, the notebook table) of the README."""
    title = re.search(r"^#\s+(.+)$", readme, re.M).group(1).strip()
    intro = readme.split("\n\n")[1].strip()
    section = re.search(r"^## The notebooks\s*\n(.*?)(?=^## |\Z)", readme, re.M | re.S).group(1)
    table = "\n".join(line for line in section.splitlines() if line.startswith("|"))
    if not table:
        raise SystemExit("README.md: no table under '## The notebooks'")
    return title, intro, table


def markdown(source: str) -> str:
    return MarkdownWithMath(renderer=MathMLRenderer(escape=False, exclude_anchor_links=True)).render(source)


def lab_css() -> str:
    """JupyterLab's notebook stylesheet as nbconvert's lab template ships it (light theme)."""
    for base in jupyter_path("nbconvert", "templates"):
        static = Path(base) / "lab" / "static"
        if (static / "index.css").exists():
            return (static / "index.css").read_text() + "\n" + (static / "theme-light.css").read_text()
    raise SystemExit("nbconvert's lab template (lab/static/index.css) was not found")


def prepare_output_folder(out: Path) -> None:
    if out.exists():
        if not (out / MARKER).exists() and any(out.iterdir()):
            raise SystemExit(f"{out} exists and was not made by this script; choose another --out")
        shutil.rmtree(out)
    out.mkdir(parents=True)
    (out / MARKER).write_text("Built by scripts/build_site.py; rebuilding empties this folder.\n")


def build(out: Path, notebooks_dir: Path = NOTEBOOKS, quiet: bool = False) -> dict:
    """Build the site into ``out``; return a summary (pages, images, bytes, seconds, …)."""
    started = time.perf_counter()
    out = out.resolve()
    prepare_output_folder(out)
    (out / "static").mkdir()
    (out / "notebooks").mkdir()
    config = nbgrader_config()
    exporter = make_exporter()
    notebooks = sorted(notebooks_dir.glob("[0-9][0-9]-*.ipynb"))
    if not notebooks:
        raise SystemExit(f"no notebooks in {notebooks_dir}")
    instructor = [nbformat.read(path, as_version=4) for path in notebooks]
    titles = [notebook_title(nb) for nb in instructor]
    pages = {path.name: page_name(path) for path in notebooks}
    link = [{"href": page_name(path), "number": n, "title": t} for path, (n, t) in zip(notebooks, titles)]

    summary = {"pages": [], "images": 0, "widget_notes": 0, "images_without_alt": 0}
    pygments_css = []
    for k, (path, nb) in enumerate(zip(notebooks, instructor)):
        student = student_copy(nb, config)
        nbformat.write(download_copy(student, config), out / "notebooks" / path.name)
        for index, cell in enumerate(student.cells):
            if cell.cell_type == "markdown":
                cell.source = rewrite_links(cell.source, pages, f"{path.name}, cell {index}")
        notes, missing = prepare_outputs(student)
        number, title = titles[k]
        site = {
            "series": SERIES,
            "title": f"{number} · {title}",
            "download": f"notebooks/{path.name}",
            "download_name": path.name,
            "previous": link[k - 1] if k > 0 else None,
            "next": link[k + 1] if k + 1 < len(link) else None,
        }
        page = build_page(student, path, exporter, site, out)
        pygments_css = pygments_css or page["css"]
        summary["pages"].append(page_name(path))
        summary["images"] += page["images"]
        summary["widget_notes"] += notes
        summary["images_without_alt"] += missing

    # Index, from the README's title, first paragraph and notebook table
    title, intro, table = readme_parts((REPO / "README.md").read_text(encoding="utf-8"))
    table = re.sub(r"\]\(notebooks/([^)#]+\.ipynb)", lambda m: f"]({pages.get(m[1], m[1])}", table)
    table = rewrite_links(table, pages, "README.md, the notebook table")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True)
    index = env.get_template("index.html.j2").render(
        series=SERIES, title=title, intro=markdown(intro), table=markdown(table), first=link[0],
        n_notebooks=len(notebooks),
    )
    (out / "index.html").write_text(index, encoding="utf-8")
    summary["pages"].insert(0, "index.html")

    # Stylesheets once for every page; licence and citation for the footer's links
    (out / "static" / "lab.css").write_text(lab_css(), encoding="utf-8")
    (out / "static" / "pygments.css").write_text("\n".join(pygments_css), encoding="utf-8")
    shutil.copy(TEMPLATES / "site.css", out / "static" / "site.css")
    shutil.copy(REPO / "LICENSE", out / "LICENSE.txt")
    shutil.copy(REPO / "CITATION.cff", out / "CITATION.cff")

    summary["bytes"] = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    summary["seconds"] = time.perf_counter() - started
    if not quiet:
        print(f"site built in {summary['seconds']:.1f} s: {out}")
        print(f"  {len(summary['pages'])} pages (index + {len(notebooks)} notebooks), {summary['images']} images, "
              f"{summary['widget_notes']} widget notes, {summary['bytes'] / 1e6:.1f} MB")
        if summary["images_without_alt"]:
            print(f"  {summary['images_without_alt']} images have no stored alt text (the page names their "
                  "section instead): re-execute those notebooks with the alt-text setup line")
    return summary


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "site", help="output folder (default: site/)")
    parser.add_argument("--notebooks", type=Path, default=NOTEBOOKS,
                        help="folder of the NN-name.ipynb notebooks (default: notebooks/)")
    args = parser.parse_args(argv)
    build(args.out, args.notebooks)


if __name__ == "__main__":
    sys.exit(main())
