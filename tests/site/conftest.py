"""The built website for the site tests: built once for them, served on 127.0.0.1, and a
headless Chromium to read it with.

The site is built by scripts/build_site.py into a temporary folder (not site/), from the committed
notebooks. A local HTTP server serves it on 127.0.0.1 and a free port for the browser tests and is
shut down when they finish. Chromium is Debian's (/usr/bin/chromium); nothing is downloaded. Without
it the browser tests skip locally and fail under CI=true.
"""
import functools
import importlib.util
import os
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="module")
def builder():
    """scripts/build_site.py as a module."""
    pytest.importorskip("nbgrader", reason="the site is built from nbgrader student copies (requirements-site.txt)")
    pytest.importorskip("latex2mathml", reason="the site builder needs latex2mathml (requirements-site.txt)")
    spec = importlib.util.spec_from_file_location("build_site", ROOT / "scripts" / "build_site.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def built_site(builder, tmp_path_factory):
    """(folder, summary) of the site built from the committed notebooks."""
    out = tmp_path_factory.mktemp("website") / "site"
    summary = builder.build(out, quiet=True)
    return out, summary


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site_url(built_site):
    """Base URL of the built site, served on 127.0.0.1 for as long as the tests need it."""
    handler = functools.partial(_QuietHandler, directory=str(built_site[0]))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(request):
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"no Chromium at {CHROMIUM}: the CI script installs Debian's 'chromium'")
        pytest.skip(f"no Chromium at {CHROMIUM}: install Debian's 'chromium' to run the site's browser tests")
    pytest.importorskip("playwright.sync_api", reason="browser tests need playwright (requirements-test.txt)")
    b = request.getfixturevalue("launch_chromium")(CHROMIUM)
    try:
        yield b
    finally:
        b.close()
