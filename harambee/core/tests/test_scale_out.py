"""The production layout, started as an operator starts it: two web processes
(gunicorn) and two task workers (``harambee db_worker``) against one PostgreSQL
database, Redis as the shared cache, and an S3 object store (moto's server, on the
loopback). Run on the PostgreSQL leg of the suite (``HARAMBEE_TEST_POSTGRES=1``).

What must hold across processes: a session made on one web process works on the
other; the anonymous page cache of one is invalidated by a write on the other; the
sign-in rate limit counts attempts on both; no task runs twice; an upload (a data
export, built by a worker) lands in the object store and is served by the other web
process; each web process's threads share a bounded connection pool."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct horse battery staple"
BUCKET = "harambee-scale-out"
BIN = Path(sys.executable).parent
# The documented web process: gthread workers whose threads share a connection pool,
# here smaller than the threads, so that persistent per-thread connections would show.
THREADS = 4
POOL_SIZE = 2


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(predicate, what: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def _redis_url() -> str:
    import redis

    # One Redis database per test process (xdist), flushed before and after.
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    url = f"redis://127.0.0.1:6379/{8 + int(worker or 0) % 8}"
    try:
        redis.Redis.from_url(url).flushdb()
    except redis.ConnectionError as exc:
        raise AssertionError(
            "The scale-out test needs Redis on 127.0.0.1:6379 (.ci/run starts one)."
        ) from exc
    return url


@pytest.fixture
def layout(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("the production layout runs on PostgreSQL (HARAMBEE_TEST_POSTGRES=1)")
    import boto3
    from moto.server import ThreadedMotoServer

    s3_port = _free_port()
    moto = ThreadedMotoServer(ip_address="127.0.0.1", port=s3_port, verbose=False)
    moto.start()
    db = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": (
            f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
        ),
        "HARAMBEE_CACHE_URL": _redis_url(),
        "HARAMBEE_TASKS": "database",
        "HARAMBEE_DEBUG": "false",
        "HARAMBEE_SECRET_KEY": "scale-out-" + "x" * 50,
        "HARAMBEE_ALLOWED_HOSTS": "127.0.0.1",
        "HARAMBEE_VAR_DIR": str(tmp_path / "var"),
        "HARAMBEE_STEWARD_MFA": "false",
        "HARAMBEE_EMAIL_BACKEND": "console",
        "HARAMBEE_S3_BUCKET": BUCKET,
        "HARAMBEE_S3_ENDPOINT_URL": f"http://127.0.0.1:{s3_port}",
        "HARAMBEE_S3_REGION": "us-east-1",
        "HARAMBEE_S3_ADDRESSING": "path",
        "HARAMBEE_S3_ACCESS_KEY_ID": "testing",
        "HARAMBEE_S3_SECRET_ACCESS_KEY": "testing",
        "DJANGO_SETTINGS_MODULE": "harambee.settings",
        "HARAMBEE_DB_POOL_SIZE": str(POOL_SIZE),
    }
    s3 = boto3.client(
        "s3",
        endpoint_url=env["HARAMBEE_S3_ENDPOINT_URL"],
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    s3.create_bucket(Bucket=BUCKET)
    # DEBUG off serves hashed static files: collect them once, as a deployment does.
    subprocess.run(
        [sys.executable, "-m", "harambee", "collectstatic", "--noinput", "-v0"],
        env=env,
        check=True,
        timeout=300,
    )
    logs = tmp_path / "logs"
    logs.mkdir()
    processes = []

    def start(name: str, args: list[str]) -> None:
        out = (logs / f"{name}.log").open("w")
        # Each process pools its connections (HARAMBEE_DB_POOL_SIZE) under its own
        # application_name, so the test can count them in pg_stat_activity.
        own = {**env, "DATABASE_URL": f"{env['DATABASE_URL']}?application_name=harambee-{name}"}
        processes.append((name, subprocess.Popen(args, env=own, stdout=out, stderr=out)))

    ports = [_free_port(), _free_port()]
    for i, port in enumerate(ports):
        start(
            f"web{i}",
            [
                str(BIN / "gunicorn"),
                "harambee.wsgi",
                "-b",
                f"127.0.0.1:{port}",
                "-w",
                "1",
                "--worker-class",
                "gthread",
                "--threads",
                str(THREADS),
                "--no-control-socket",
            ],
        )
    for i in range(2):
        start(
            f"worker{i}",
            [
                sys.executable,
                "-m",
                "harambee",
                "db_worker",
                "--interval",
                "0.1",
                "--no-startup-delay",
                "--worker-id",
                f"worker{i}",
            ],
        )
    import requests

    def up(port: int) -> bool:
        try:
            return requests.get(f"http://127.0.0.1:{port}/healthz", timeout=10).ok
        except requests.RequestException:
            return False

    try:
        for port in ports:
            _wait_for(lambda port=port: up(port), f"web process on {port}")
        yield {"web": [f"http://127.0.0.1:{p}" for p in ports], "s3": s3, "env": env}
    finally:
        for _name, process in processes:
            process.terminate()
        for name, process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
            if process.returncode not in (0, -15):
                print(name, (logs / f"{name}.log").read_text()[-3000:])
        moto.stop()
        import redis

        redis.Redis.from_url(env["HARAMBEE_CACHE_URL"]).flushdb()
        shutil.rmtree(tmp_path / "var", ignore_errors=True)


def _csrf(session, url: str) -> str:
    page = session.get(url, timeout=30)
    assert page.status_code == 200, (url, page.status_code)
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)


def _sign_in(session, base: str, email: str, password: str):
    token = _csrf(session, f"{base}/accounts/login/")
    return session.post(
        f"{base}/accounts/login/",
        data={"csrfmiddlewaretoken": token, "login": email, "password": password},
        headers={"Referer": f"{base}/accounts/login/"},
        allow_redirects=False,
        timeout=30,
    )


def _member(email: str):
    from django.contrib.auth.hashers import Argon2PasswordHasher

    from harambee.conftest import make_user

    user = make_user(email=email, display_name=email.split("@")[0].title())
    # The web processes run the production hashers, not the tests' fast one.
    user.password = Argon2PasswordHasher().encode(PASSWORD, Argon2PasswordHasher().salt())
    user.save()
    return user


def test_two_web_processes_and_two_workers_share_sessions_cache_limits_tasks_and_files(layout):
    import requests

    from harambee.core.models import AuditEntry, Visibility
    from harambee.core.tests.factories import MembershipFactory, SpaceFactory
    from harambee.core.tests.scaleout_tasks import leave_a_mark
    from harambee.spaces.services import post_create

    a, b = layout["web"]
    member = _member("wanjiru@example.org")
    _member("kofi@example.org")
    space = SpaceFactory(name="Shared space", slug="shared")
    MembershipFactory(space=space, user=member)
    thread = post_create(
        author=member,
        space=space,
        title="Across two machines",
        body="First words.",
        visibility=Visibility.PUBLIC,
    )

    # A session made on A works on B.
    browser = requests.Session()
    signed_in = _sign_in(browser, a, "wanjiru@example.org", PASSWORD)
    assert signed_in.status_code == 302, signed_in.text[:500]
    on_b = browser.get(f"{b}/settings/data/", timeout=30)
    assert on_b.status_code == 200 and "/accounts/login/" not in on_b.url

    # The anonymous page cache: A keeps the page; a comment written on B empties it.
    visitor = requests.Session()
    first = visitor.get(f"{a}{thread.get_absolute_url()}", timeout=30)
    assert first.status_code == 200 and "First words." in first.text
    assert "A reply written on B" not in visitor.get(f"{a}{thread.get_absolute_url()}").text
    token = _csrf(browser, f"{b}{thread.get_absolute_url()}")
    posted = browser.post(
        f"{b}/content/{thread.pk}/comments/",
        data={"csrfmiddlewaretoken": token, "body": "A reply written on B"},
        headers={"Referer": f"{b}{thread.get_absolute_url()}"},
        allow_redirects=False,
        timeout=30,
    )
    assert posted.status_code in (302, 303), posted.text[:500]
    assert "A reply written on B" in visitor.get(f"{a}{thread.get_absolute_url()}").text

    # The sign-in rate limit counts failures on both processes.
    attacker = requests.Session()
    answers = [
        _sign_in(attacker, base, "kofi@example.org", "wrong password").text
        for base in (a, b, a, b, a, b)
    ]
    assert not any("Too many failed" in text for text in answers[:5])
    assert "Too many failed" in answers[5]

    # Tasks: forty, two workers, each run exactly once.
    with override_settings(
        TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    ):
        from django_tasks_db.models import DBTaskResult

        for n in range(40):
            leave_a_mark.enqueue(n)
        probes = DBTaskResult.objects.filter(task_path__endswith="leave_a_mark")
        _wait_for(lambda: probes.filter(status="SUCCESSFUL").count() == 40, "forty tasks")
        runs = Counter(e.detail["n"] for e in AuditEntry.objects.filter(action="scale_out_probe"))
        assert runs == Counter(range(40))
        workers = {w for ids in probes.values_list("worker_ids", flat=True) for w in ids}
        assert workers == {"worker0", "worker1"}

    # A file made by a worker lands in the object store, and the other web process
    # hands it out.
    token = _csrf(browser, f"{a}/settings/data/")
    asked = browser.post(
        f"{a}/settings/data/export/",
        data={"csrfmiddlewaretoken": token},
        headers={"Referer": f"{a}/settings/data/"},
        timeout=30,
    )
    assert asked.status_code == 200
    s3 = layout["s3"]

    def exported() -> list[str]:
        listing = s3.list_objects_v2(Bucket=BUCKET, Prefix="privacy/exports/")
        return [o["Key"] for o in listing.get("Contents", [])]

    _wait_for(lambda: bool(exported()), "the export in the bucket")
    assert not (Path(settings.MEDIA_ROOT) / exported()[0]).exists()
    from harambee.privacy.models import DataExport

    export = DataExport.objects.get(user=member)
    _wait_for(lambda: DataExport.objects.get(pk=export.pk).status == "ready", "export ready")
    token = _csrf(browser, f"{b}/settings/data/")
    download = browser.post(
        f"{b}/settings/data/export/{export.pk}/",
        data={"csrfmiddlewaretoken": token},
        headers={"Referer": f"{b}/settings/data/"},
        timeout=60,
    )
    assert download.status_code == 200 and download.content[:2] == b"PK"
    _wait_for(lambda: not exported(), "the downloaded export deleted from the bucket", 30)

    # Each web process shares a bounded pool of connections among its threads.
    with ThreadPoolExecutor(max_workers=THREADS * 3) as pool:
        pages = list(pool.map(lambda _n: requests.get(f"{a}/readyz", timeout=60), range(48)))
    assert [page.status_code for page in pages] == [200] * 48
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'harambee-web0'"
        )
        (open_connections,) = cursor.fetchone()
    # Twelve requests at a time on four threads: the pool keeps at least one connection
    # open between requests and never more than its size (without it, each busy thread
    # would hold a connection of its own: four).
    assert 1 <= open_connections <= POOL_SIZE
