"""The static website (`make site`): what it holds, that it shows only the student view, and -- in
headless Chromium -- that every page loads cleanly, every link and image works, every figure has
alt text and every page fits a phone's screen."""
import importlib.util
import json
import re
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlparse

import nbformat
import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
PAGES = ["index.html"] + [nb.stem + ".html" for nb in NOTEBOOKS]
MARKERS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS")
NBCONVERT_PLACEHOLDER = "No description has been provided for this image"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def _load_course():
    spec = importlib.util.spec_from_file_location("course_cli_for_site_tests", ROOT / "scripts" / "course.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


course = _load_course()  # the nbgrader format helpers: regions, release_leaks, …


def _soup(site, page):
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def _cells(soup):
    """{cell id: cell element} of a notebook page (nbconvert's lab template: id="cell-id=…")."""
    return {div["id"].removeprefix("cell-id="): div for div in soup.select("div.jp-Cell[id^='cell-id=']")}


def _secret_lines(instructor):
    """Solution and hidden-test lines of the instructor notebook that appear nowhere else in it.

    A line that also stands outside every solution / hidden-test region -- a skeleton line such as
    ``return y_pred``, a one-line answer a task quotes on purpose, a bracket -- may rightly be on
    the page; every other line of those regions must not be.
    """
    public, secret = [], {}
    for cell in instructor["cells"]:
        src = course.cell_source(cell)
        outside = course.outside_regions(src, course.SOLUTION_BEGIN, course.SOLUTION_END)
        public += course.outside_regions("\n".join(outside), course.HIDDEN_BEGIN, course.HIDDEN_END)
        for region in (course.regions(src, course.SOLUTION_BEGIN, course.SOLUTION_END)
                       + course.regions(src, course.HIDDEN_BEGIN, course.HIDDEN_END)):
            for line in (line.strip() for line in region):
                if len(line) >= 6 and re.search(r"[A-Za-z]", line):
                    secret[line] = course.nbgrader_meta(cell).get("grade_id", "?")
    public_text = "\n".join(public)
    return {line: grade_id for line, grade_id in secret.items() if line not in public_text}


def page_leaks(instructor, soup):
    """Solution or hidden-test text of ``instructor`` found on a page, and exercise outputs shown."""
    # Code is highlighted token by token: read each <pre> whole, the rest element by element
    texts = [pre.get_text() for pre in soup.select("pre")] + [soup.get_text("\n")]
    text_lines = {line.strip() for text in texts for line in text.splitlines() if line.strip()}
    leaks = [f"{grade_id}: {line!r}" for line, grade_id in _secret_lines(instructor).items() if line in text_lines]
    leaks += [f"marker {m!r}" for m in MARKERS if m in soup.get_text()]
    cells = _cells(soup)
    for cell in instructor["cells"]:
        if cell["cell_type"] == "code" and course.is_exercise_cell(cell):
            shown = cells.get(cell.get("id"))
            if shown is None:
                leaks.append(f"exercise cell {cell.get('id')} is missing from the page")
            elif shown.select(".jp-OutputArea-output"):
                leaks.append(f"{course.nbgrader_meta(cell).get('grade_id')}: the page shows the exercise's outputs")
    return leaks


# --------------------------------------------------------------------------------------------
# What the built site holds
# --------------------------------------------------------------------------------------------

def test_index_has_the_readme_table_and_a_page_per_notebook(built_site):
    site, summary = built_site
    assert summary["pages"] == PAGES
    rows = _soup(site, "index.html").select(".site-table tbody tr")
    assert len(rows) == len(NOTEBOOKS)
    for row, notebook in zip(rows, NOTEBOOKS):
        link = row.select_one("a[href]")
        assert link["href"] == notebook.stem + ".html", "the README table links each notebook's page, in order"
        title = nbformat.read(notebook, as_version=4).cells[0].source.splitlines()[0]
        assert link.get_text(strip=True) in title
    for page in PAGES:
        assert (site / page).stat().st_size > 1000


def test_notebook_pages_link_previous_next_and_the_student_notebook(built_site):
    site, _ = built_site
    for k, notebook in enumerate(NOTEBOOKS):
        soup = _soup(site, notebook.stem + ".html")
        previous, following = soup.select_one("a.site-previous"), soup.select_one("a.site-next")
        assert (previous["href"] if previous else None) == (NOTEBOOKS[k - 1].stem + ".html" if k else None)
        assert (following["href"] if following else None) == (
            NOTEBOOKS[k + 1].stem + ".html" if k + 1 < len(NOTEBOOKS) else None)
        download = soup.select_one("a.site-download")
        assert download["href"] == f"notebooks/{notebook.name}" and download.has_attr("download")
        assert soup.title.get_text().startswith(notebook.stem[:2] + " · ")


def test_site_shows_no_solution_or_hidden_test_and_no_exercise_output(built_site):
    site, _ = built_site
    for notebook in NOTEBOOKS:
        instructor = course.read_notebook(notebook)
        assert _secret_lines(instructor), f"{notebook.name}: the check needs solution and hidden-test lines"
        assert page_leaks(instructor, _soup(site, notebook.stem + ".html")) == [], notebook.name
    for path in site.rglob("*"):
        if path.suffix in (".html", ".ipynb", ".css", ".txt", ".cff"):
            text = path.read_text(encoding="utf-8")
            assert not [m for m in MARKERS if m in text], f"{path.relative_to(site)} contains an nbgrader marker"


def test_leak_check_finds_what_the_instructor_copy_shows(builder, tmp_path):
    """The check above can fail: a page built without the student copy step is caught."""
    notebook = NOTEBOOKS[1]
    nb = nbformat.read(notebook, as_version=4)
    solution = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution") and c.cell_type == "code")
    solution.outputs = [nbformat.v4.new_output("stream", name="stdout", text="the answer\n")]
    builder.prepare_outputs(nb)
    site = {"series": "s", "title": "t", "download": "d", "download_name": "d", "previous": None, "next": None}
    builder.build_page(nb, notebook, builder.make_exporter(), site, tmp_path)
    leaks = page_leaks(course.read_notebook(notebook), _soup(tmp_path, notebook.stem + ".html"))
    assert any("marker" in leak for leak in leaks)
    assert any(leak.startswith("ex") and "marker" not in leak and "outputs" not in leak for leak in leaks), "lines"
    assert any("outputs" in leak for leak in leaks)


def test_downloads_are_student_copies_without_outputs(built_site):
    site, _ = built_site
    for notebook in NOTEBOOKS:
        download = site / "notebooks" / notebook.name
        nbformat.validate(nbformat.read(download, as_version=4))
        released = course.read_notebook(download)
        assert course.release_leaks(course.read_notebook(notebook), released) == [], notebook.name
        code = [c for c in released["cells"] if c["cell_type"] == "code"]
        stubs = [c for c in code if "raise NotImplementedError()" in course.cell_source(c)]
        assert len(stubs) == len([c for c in code if course.nbgrader_meta(c).get("solution")]) > 0
        assert "widgets" not in released["metadata"]


def test_each_widget_is_a_note_above_its_default_figure(built_site):
    site, summary = built_site
    total = 0
    for notebook in NOTEBOOKS:
        nb = json.loads(notebook.read_text())
        views = [(c["id"], k) for c in nb["cells"] for k, o in enumerate(c.get("outputs", [])) if WIDGET_VIEW in o.get("data", {})]
        soup = _soup(site, notebook.stem + ".html")
        notes = soup.select(".site-widget-note")
        assert len(notes) == len(views), f"{notebook.name}: one note per widget view"
        cells = _cells(soup)
        for cell_id, _ in views:
            outputs = cells[cell_id].select(".jp-OutputArea-output")
            kinds = ["note" if o.select_one(".site-widget-note") else "image" if o.select_one("img") else "other"
                     for o in outputs]
            assert "note" in kinds and "image" in kinds[kinds.index("note"):], (
                f"{notebook.name}: the widget's default figure follows its note ({kinds})")
        text = soup.get_text()
        for raw in ("VBox(", "FloatSlider(", "Error displaying widget", "widget-view+json", "Loading widgets"):
            assert raw not in text and raw not in str(soup), f"{notebook.name} shows {raw!r}"
        total += len(views)
    assert summary["widget_notes"] == total > 0


def test_pages_load_nothing_from_other_sites_and_need_no_javascript(built_site):
    site, _ = built_site
    for page in PAGES:
        soup = _soup(site, page)
        assert not soup.select("script"), f"{page}: a script"
        for tag, attr in (("img", "src"), ("link", "href"), ("iframe", "src"), ("source", "src")):
            for element in soup.select(f"{tag}[{attr}]"):
                assert not urlparse(element[attr]).netloc, f"{page}: {tag} from another site: {element[attr]}"
        assert soup.select_one('meta[name="viewport"]'), f"{page}: no viewport meta (phones would zoom out)"
    css = "".join(p.read_text() for p in (site / "static").glob("*.css"))
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", css) and "@import" not in css


def test_maths_is_mathml(built_site):
    site, _ = built_site
    blocks = inline = 0
    for notebook in NOTEBOOKS:
        soup = _soup(site, notebook.stem + ".html")
        blocks += len(soup.select('math[display="block"]'))
        inline += len(soup.select('math[display="inline"]'))
        for cell in soup.select(".jp-MarkdownCell"):
            text = cell.get_text()
            assert "$$" not in text and not re.search(r"\\(frac|sum|sigma|hat|mathrm)\b", text), (
                f"{notebook.name}: TeX left unconverted: {text[:200]!r}")
    source = "".join(notebook.read_text() for notebook in NOTEBOOKS)
    assert blocks == source.count("$$") // 2 > 0 and inline > 0


def test_image_alt_text_comes_from_the_output_metadata(builder, tmp_path):
    notebook = NOTEBOOKS[1]
    nb = nbformat.read(notebook, as_version=4)
    images = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if "image/png" in o.get("data", {})]
    for k, out in enumerate(images[:-1]):
        out.setdefault("metadata", {})["image/png"] = {"alt": f"Figure {k} <described> & “quoted”."}
    images[-1].get("metadata", {}).pop("image/png", None)
    notes, missing = builder.prepare_outputs(nb)
    assert missing == 1
    site = {"series": "s", "title": "t", "download": "d", "download_name": "d", "previous": None, "next": None}
    builder.build_page(nb, notebook, builder.make_exporter(), site, tmp_path)
    imgs = _soup(tmp_path, notebook.stem + ".html").select("img")
    assert [i["alt"] for i in imgs[:-1]] == [f"Figure {k} <described> & “quoted”." for k in range(len(images) - 1)]
    assert imgs[-1]["alt"].startswith("Figure without a stored description") and imgs[-1]["data-alt-missing"]
    assert all(int(i["width"]) > 100 and int(i["height"]) > 100 for i in imgs)


def test_links_to_files_the_site_lacks_stop_the_build(builder):
    pages = {"01-a.ipynb": "01-a.html"}
    assert builder.rewrite_links("[next](01-a.ipynb#part) · [index](../README.md)", pages, "x") == (
        "[next](01-a.html#part) · [index](index.html)")
    assert builder.rewrite_links("[docs](https://example.org/a.ipynb)", pages, "x") == "[docs](https://example.org/a.ipynb)"
    with pytest.raises(SystemExit, match="helpers/maths.py"):
        builder.rewrite_links("[code](../helpers/maths.py)", pages, "x")


def test_build_will_not_empty_a_folder_it_did_not_make(builder, tmp_path):
    (tmp_path / "thesis.tex").write_text("keep me")
    with pytest.raises(SystemExit, match="not made by this script"):
        builder.build(tmp_path, quiet=True)
    assert (tmp_path / "thesis.tex").read_text() == "keep me"


# --------------------------------------------------------------------------------------------
# In headless Chromium
# --------------------------------------------------------------------------------------------

def _open(browser, url, viewport=(1200, 900), phone=False):
    """A page at ``url`` and the problems seen while loading it (console errors, failed requests).

    ``phone``: a touch screen that lays pages out as a phone does (the page's viewport meta decides
    the layout width; without it a phone shows a 980 px desktop page shrunk to fit).
    """
    page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]},
                            **({"is_mobile": True, "has_touch": True, "device_scale_factor": 3} if phone else {}))
    problems = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url} ({r.failure})"))
    page.on("response", lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
    page.goto(url, wait_until="load")
    return page, problems


@pytest.mark.browser
@pytest.mark.parametrize("name", PAGES)
def test_page_loads_cleanly_and_every_image_loads_with_alt_text(browser, site_url, name):
    page, problems = _open(browser, site_url + name)
    try:
        # Figures load lazily: ask for them all now, then wait for each to decode (fails if one cannot)
        images = page.evaluate("""async () => {
            const imgs = [...document.images];
            imgs.forEach(img => { img.loading = "eager"; });
            const results = await Promise.all(imgs.map(img => img.decode().then(() => null, () => img.src)));
            return {failed: results.filter(Boolean),
                    sizes: imgs.map(img => [img.naturalWidth, img.naturalHeight]),
                    alts: imgs.map(img => img.getAttribute("alt"))};
        }""")
        page.wait_for_load_state("networkidle")
        assert images["failed"] == [], "images that did not load"
        assert all(w > 0 and h > 0 for w, h in images["sizes"])
        for alt in images["alts"]:
            assert alt and alt.strip() and alt != NBCONVERT_PLACEHOLDER, f"an image without alt text: {alt!r}"
        if name != "index.html":
            assert images["alts"], "a notebook page without figures?"
        assert problems == []
    finally:
        page.close()


@pytest.mark.browser
def test_every_internal_link_resolves(browser, site_url):
    targets, ids = {}, {}
    page = browser.new_page()
    try:
        for name in PAGES:
            page.goto(site_url + name, wait_until="load")
            ids[site_url + name] = set(page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)"))
            for href in page.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))"):
                url = urljoin(site_url + name, href)
                if url.startswith(site_url):
                    targets.setdefault(url, name)
        broken = []
        for url, source in sorted(targets.items()):
            base, fragment = urldefrag(url)
            if base.endswith(".html") and base not in ids:
                page.goto(base, wait_until="load")
                ids[base] = set(page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)"))
            response = page.request.get(base)
            if response.status != 200:
                broken.append(f"{source} -> {url}: HTTP {response.status}")
            elif fragment and not {fragment, unquote(fragment)} & ids.get(base, set()):
                # (a browser tries the fragment as written, then percent-decoded)
                broken.append(f"{source} -> {url}: no element with that id")
        assert len(targets) > 3 * len(NOTEBOOKS), "too few links found to trust this check"
        assert broken == []
    finally:
        page.close()


@pytest.mark.browser
@pytest.mark.parametrize("name", PAGES)
def test_page_fits_a_phone_screen(browser, site_url, name):
    page, problems = _open(browser, site_url + name, viewport=(390, 844), phone=True)
    try:
        layout = page.evaluate("""() => ({
            scroll: document.documentElement.scrollWidth,
            width: window.innerWidth,
            font: parseFloat(getComputedStyle(document.querySelector('main p, main li')).fontSize),
            wide: [...document.querySelectorAll('main img')].filter(i => i.getBoundingClientRect().right > window.innerWidth + 1).length,
        })""")
        assert layout["width"] == 390, f"laid out {layout['width']} px wide: a desktop page shrunk onto the phone"
        assert layout["scroll"] <= layout["width"], f"the page scrolls sideways on a phone ({layout})"
        assert layout["wide"] == 0, "a figure wider than the screen"
        assert layout["font"] >= 14, "text too small to read on a phone"
        assert problems == []
    finally:
        page.close()
