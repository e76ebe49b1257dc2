"""Browser fixtures: one Chromium per test session (per xdist worker), a fresh
context for every page, and the live server as the base URL.

A pytest plugin (``-p harambee.core.tests.browser.fixtures`` in pyproject), so every
app's browser tests share the one Playwright instance of their worker: a second
session-scoped copy of these fixtures would start a second one, which Playwright's
sync API refuses.

Chromium is the Debian build at /usr/bin/chromium; nothing is ever downloaded.
Without it the browser tests are skipped, unless ``HARAMBEE_REQUIRE_BROWSER=1``
(as in CI), where a missing or broken browser is an error.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 360, "height": 740}
# Milliseconds a single action or expectation may wait: short enough that a broken
# page fails in seconds instead of hanging the suite, long enough for a page of the
# live server on a loaded 2-core machine (CI runs two workers, each with its Chromium
# and live server); 5 s was seen to fail there.
TIMEOUT_MS = 15_000

# Console noise that is not a fault of the page's own code: a 4xx/5xx answer
# (the 422 of a form error is deliberate) or the missing favicon.
IGNORED_CONSOLE = re.compile(r"Failed to load resource|favicon\.ico")
# Whether the test itself failed, so its pages are kept as screenshots.
_CALL_FAILED = pytest.StashKey[bool]()


def _browser_unavailable(reason: str):
    if os.environ.get("HARAMBEE_REQUIRE_BROWSER") == "1":
        pytest.fail(
            f"HARAMBEE_REQUIRE_BROWSER=1 but the browser tests cannot run: {reason}",
            pytrace=False,
        )
    first_line = reason.splitlines()[0] if reason else reason
    pytest.skip(f"Browser tests skipped (HARAMBEE_REQUIRE_BROWSER=1 fails them): {first_line}")


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.stash[_CALL_FAILED] = report.failed
    return report


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        _browser_unavailable(f"{CHROMIUM} does not exist")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - playwright is a dev dependency
        _browser_unavailable(f"playwright is not installed ({exc})")
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True, timeout=30_000
        )
    except Exception as exc:
        playwright.stop()
        _browser_unavailable(f"{CHROMIUM} failed to launch: {exc}")
    yield chromium
    chromium.close()
    playwright.stop()


@pytest.fixture
def browser_errors():
    """JavaScript exceptions, console errors (CSP violations among them) and static
    files that failed to load, seen by any page of the test; tests with JavaScript
    on assert it stays empty."""
    return []


@pytest.fixture
def new_page(browser, live_server, browser_errors, request, tmp_path):
    """``new_page(**context_options)``: a page in a new browser context (its own
    cookies, so a second person), with relative URLs resolved against the live
    server. ``new_page(java_script_enabled=False)`` browses without JavaScript."""
    from playwright.sync_api import expect

    expect.set_options(timeout=TIMEOUT_MS)
    contexts = []

    def on_response(response):
        if response.status >= 400 and urlsplit(response.url).path.startswith("/static/"):
            browser_errors.append(f"{response.status}: {response.url}")

    def on_console(message):
        if message.type == "error" and not IGNORED_CONSOLE.search(message.text):
            browser_errors.append(f"console: {message.text}")

    def make(**options):
        options = {"viewport": VIEWPORT, "base_url": live_server.url, **options}
        context = browser.new_context(**options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda exc: browser_errors.append(f"pageerror: {exc}"))
        page.on("response", on_response)
        page.on("console", on_console)
        return page

    yield make

    if request.node.stash.get(_CALL_FAILED, False):
        for n, context in enumerate(contexts):
            for m, page in enumerate(context.pages):
                shot = tmp_path / f"page-{n}-{m}.png"
                try:
                    page.screenshot(path=str(shot), full_page=True)
                    print(f"Screenshot of {page.url}: {shot}")
                except Exception as exc:  # the page may be the reason for the failure
                    print(f"No screenshot of {page.url}: {exc}")
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page, request):
    """A page at 360x740 with JavaScript on. Parametrize indirectly to change the
    context, e.g. ``@pytest.mark.parametrize("page", [{"java_script_enabled": False}],
    indirect=True)``."""
    return new_page(**getattr(request, "param", {}))
