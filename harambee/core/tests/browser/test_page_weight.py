"""Page weight, measured in Chromium against the production set-up: gunicorn,
WhiteNoise's compressed static files, compressed HTML, the demo alliance.

Budget (DESIGN.md): a cold load of home, a space and a post with 50 comments
transfers at most 50 KB of compressed HTML+CSS+JS in at most 4 requests, JS at
most 20 KB; a repeat view makes at most 1 request. Bytes are exact, so this is a
test, not a benchmark.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[4]
MAX_BYTES = 50 * 1024
MAX_JS_BYTES = 20 * 1024
MAX_REQUESTS = 4

PREPARE = """
from harambee.core.services import comment_create
from harambee.people.models import User
from harambee.spaces.models import Post, Space
post = Post.objects.filter(visibility="public", space__listing="public").order_by("pk").first()
people = list(User.objects.exclude(role="guest").order_by("pk"))
for i in range(50 - post.comments.count()):
    comment_create(author=people[i % len(people)], content=post,
                   body=f"Field note {i}: what we saw at the boundary walk, and what we learned.")
space = Space.objects.filter(listing="public").order_by("pk").first()
import json
print(json.dumps({"post": post.get_absolute_url(), "space": space.get_absolute_url()}))
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def production_server(tmp_path_factory):
    var = tmp_path_factory.mktemp("weight-var")
    env = {
        **os.environ,
        "HARAMBEE_VAR_DIR": str(var),
        "HARAMBEE_DEBUG": "false",
        "HARAMBEE_STEWARD_MFA": "false",
        "HARAMBEE_CACHE_URL": "locmem://",
        "HARAMBEE_LOG_LEVEL": "WARNING",
        "HARAMBEE_ALLOWED_HOSTS": "127.0.0.1",
    }
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)

    def harambee(*args: str) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "harambee", *args],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    harambee("migrate", "--noinput", "-v0")
    harambee("collectstatic", "--noinput", "-v0")
    harambee("demo")
    urls = json.loads(harambee("shell", "-c", PREPARE).strip().splitlines()[-1])
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "harambee.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90  # a loaded machine imports Django slowly
    while True:
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                pytest.fail(f"gunicorn did not start: {server.stderr.read().decode()}")
            time.sleep(0.2)
    yield {"base": base, **urls}
    server.terminate()
    server.wait(timeout=10)


class Transfer:
    """Counts what crosses the network for one page view, through Chrome's own
    network events: requests not served from the cache, and encoded bytes
    (headers and compressed bodies) as they arrived."""

    def __init__(self, page):
        self.cdp = page.context.new_cdp_session(page)
        self.cdp.send("Network.enable")
        self.requests: dict[str, dict] = {}
        self.cdp.on("Network.requestWillBeSent", self._sent)
        self.cdp.on("Network.requestServedFromCache", self._cached)
        self.cdp.on("Network.responseReceived", self._received)
        self.cdp.on("Network.loadingFinished", self._finished)
        self.cdp.on("Network.loadingFailed", self._failed)

    def _sent(self, event):
        self.requests.setdefault(
            event["requestId"],
            {
                "url": event["request"]["url"],
                "cached": False,
                "bytes": 0,
                "type": "",
                "encoding": "",
                "done": False,
            },
        )

    def _cached(self, event):
        self.requests.get(event["requestId"], {})["cached"] = True

    def _received(self, event):
        entry = self.requests.get(event["requestId"])
        if entry is not None:
            entry["type"] = event["type"]
            response = event["response"]
            headers = {k.lower(): v for k, v in response.get("headers", {}).items()}
            entry["encoding"] = headers.get("content-encoding", "")
            if response.get("fromDiskCache") or response.get("fromServiceWorker"):
                entry["cached"] = True

    def _finished(self, event):
        entry = self.requests.get(event["requestId"])
        if entry is not None:
            entry["bytes"] = event["encodedDataLength"]
            entry["done"] = True

    def _failed(self, event):
        entry = self.requests.get(event["requestId"])
        if entry is not None:
            entry["done"] = True

    def reset(self):
        self.requests.clear()

    @property
    def network(self) -> list[dict]:
        return [r for r in self.requests.values() if not r["cached"]]

    def summary(self) -> str:
        return "\n".join(
            f"{r['bytes']:>7} {r['type']:<10} {r['encoding']:<5} {r['url']}" for r in self.network
        )


def _view(page, transfer, url):
    transfer.reset()
    page.goto(url, wait_until="load")
    # Chrome's network events arrive after the load event, later still on a loaded
    # machine: wait until every request seen has finished (or failed), then a moment
    # more for any that starts late.
    for _ in range(200):
        page.wait_for_timeout(50)
        if all(r["done"] for r in transfer.requests.values()):
            break
    page.wait_for_timeout(300)
    return transfer.network


def _sign_in(page, base):
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Email").fill("member@demo.harambee.org")
    page.get_by_label("Password").first.fill("harambee-demo")
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_load_state()


@pytest.mark.parametrize("who", ["anonymous", "member"])
@pytest.mark.parametrize("which", ["home", "space", "post"])
def test_cold_and_repeat_views_fit_the_budget(browser, production_server, who, which):
    base = production_server["base"]
    url = (
        base
        + {"home": "/", "space": production_server["space"], "post": production_server["post"]}[
            which
        ]
    )
    context = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        transfer = Transfer(page)
        if who == "member":
            _sign_in(page, base)
            transfer.cdp.send("Network.clearBrowserCache")
        cold = _view(page, transfer, url)
        report = transfer.summary()
        total = sum(r["bytes"] for r in cold)
        js = sum(r["bytes"] for r in cold if r["type"] == "Script")
        print(f"\n{who} {which}: {len(cold)} requests, {total} bytes, {js} bytes of script")
        kinds = {r["type"] for r in cold}
        assert kinds <= {"Document", "Stylesheet", "Script"}, report
        assert len(cold) <= MAX_REQUESTS, report
        assert total <= MAX_BYTES, f"{total} bytes\n{report}"
        assert js <= MAX_JS_BYTES, f"{js} bytes of script\n{report}"
        # Every text response arrived compressed.
        assert all(r["encoding"] in {"gzip", "br", "zstd"} for r in cold), report
        if which == "post":
            assert page.locator(".comment").count() >= 50

        repeat = _view(page, transfer, url)
        assert len(repeat) <= 1, transfer.summary()
    finally:
        context.close()
