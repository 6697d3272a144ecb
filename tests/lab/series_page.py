"""What a reader sees through the printed URL: notebook 01 in JupyterLab, and every link in it opening there.

The links to check are read from the notebook itself (every markdown link to a file, not to a web page or an
anchor), so a link added later is checked too. A link "opens inside JupyterLab" when clicking it leaves the
browser on the same page and JupyterLab selects a tab showing the target: its path in the address bar
(/lab/tree/<path>) and its title heading on screen.
"""
import json
import posixpath
import re
import time
import urllib.parse

from .lab_run import NOTEBOOK_01, ROOT

LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


def _markdown_of(path):
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text())["cells"]
        return ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]
    return [path.read_text()]


def links_to_files(notebook=NOTEBOOK_01):
    """(text, path from the repository root) of every link in the notebook's markdown to a file."""
    links = []
    for text in _markdown_of(ROOT / notebook):
        for label, target in LINK.findall(text):
            if re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:|#", target):  # a web page or an anchor in the page
                continue
            links.append((label, posixpath.normpath(posixpath.join(posixpath.dirname(notebook), target))))
    return links


def title_of(path):
    """The text of the first level-1 heading of a notebook or markdown file."""
    for text in _markdown_of(ROOT / path):
        match = re.search(r"^# (.+)$", text, re.M)
        if match:
            return match.group(1).strip()
    raise AssertionError(f"{path} has no '# title' heading")


def _current_widget(page, name):
    """The selected tab, once it is the one for the file `name`, and its main-area widget (the tab carries the
    widget's id)."""
    from playwright.sync_api import expect  # only the test environment has playwright

    tab = page.locator("#jp-main-dock-panel .lm-DockPanel-tabBar .lm-TabBar-tab.lm-mod-current")
    expect(tab.locator(".lm-TabBar-tabLabel")).to_have_text(name, timeout=30_000)
    return tab, page.locator(f"#{tab.get_attribute('data-id')}")


def _heading(scope, title):
    return scope.locator("h1", has_text=title).first


def _scroll_to_end(panel, label, count, timeout=30):
    """JupyterLab renders a long notebook's cells as they scroll into view: scroll until the link is there."""
    links = panel.locator(".jp-RenderedMarkdown a", has_text=label)
    scroller = panel.locator(".jp-WindowedPanel-outer").first
    deadline = time.monotonic() + timeout
    while links.count() < count and time.monotonic() < deadline:
        scroller.evaluate("element => { element.scrollTop = element.scrollHeight; }")
        time.sleep(0.25)
    return links


def check_series_opens(page, url):
    """Load the printed URL; notebook 01 must show its title, and every link in it must open inside JupyterLab.
    Returns the links checked, as (text, path)."""
    page.goto(url)
    title = title_of(NOTEBOOK_01)
    _heading(page.locator(".jp-NotebookPanel"), title).wait_for(timeout=120_000)
    tab, notebook = _current_widget(page, posixpath.basename(NOTEBOOK_01))
    links = links_to_files()
    assert links, f"{NOTEBOOK_01} links to no other file of the series"
    seen = {}
    for label, path in links:
        seen[label] = seen.get(label, 0) + 1
        link = _scroll_to_end(notebook, label, seen[label]).nth(seen[label] - 1)
        assert link.count(), f"the link {label!r} to {path} is not shown in {NOTEBOOK_01}"
        link.scroll_into_view_if_needed()
        link.click()
        target_title = title_of(path)
        opened = _heading(page.locator("#jp-main-dock-panel"), target_title)
        try:
            opened.wait_for(timeout=60_000)
        except Exception as error:
            raise AssertionError(f"clicking {label!r} ({path}) did not open it in JupyterLab: no heading "
                                 f"{target_title!r} appeared; the browser is at {page.url}") from error
        tab, widget = _current_widget(page, posixpath.basename(path))
        assert _heading(widget, target_title).is_visible(), f"{path} opened, but not in the selected tab"
        address = urllib.parse.urlsplit(page.url)
        assert urllib.parse.unquote(address.path).endswith(f"/lab/tree/{path}"), page.url
        assert len(page.context.pages) == 1, f"clicking {label!r} opened another browser tab instead"
        # back to notebook 01 for the next link. The target's tab stays open: closing a notebook can ask whether
        # to save it (JupyterLab marks it changed once a kernel of another Python patch release has started).
        page.locator("#jp-main-dock-panel .lm-TabBar-tab", has_text=posixpath.basename(NOTEBOOK_01)).click()
        tab, notebook = _current_widget(page, posixpath.basename(NOTEBOOK_01))
    return links
