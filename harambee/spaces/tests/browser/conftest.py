"""The browser fixtures of ``core/tests/browser`` (Debian's Chromium, never a download),
shared with the threads' browser tests."""

from harambee.core.tests.browser.conftest import (  # noqa: F401
    browser,
    browser_errors,
    new_page,
    page,
    pytest_runtest_makereport,
)
