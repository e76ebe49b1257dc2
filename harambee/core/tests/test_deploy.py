"""The production layout's files (deploy/): systemd units and timers, the compose file
and its image. Each command they run must exist, each setting they set must be one the
code reads, and systemd itself must accept the units (``systemd-analyze verify``,
where the machine has systemd's tools)."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.management import get_commands

DEPLOY = Path(settings.PROJECT_DIR) / "deploy"
UNITS = DEPLOY / "systemd"
DOCUMENTED = set(
    re.findall(
        r"^#?\s*(HARAMBEE_\w+|DATABASE_URL)=", (DEPLOY.parent / ".env.example").read_text(), re.M
    )
)


def _harambee_commands(line: str) -> list[str]:
    words = shlex.split(line)
    found = []
    for i, word in enumerate(words[:-1]):
        if word.endswith("/harambee") or (word == "harambee" and words[i - 1] == "-m"):
            found.append(words[i + 1])
    return found


def test_every_unit_runs_a_command_that_exists():
    commands = set(get_commands())
    units = sorted(UNITS.glob("*.service"))
    assert len(units) >= 10
    seen = set()
    for unit in units:
        for line in unit.read_text().splitlines():
            if line.startswith("ExecStart="):
                for command in _harambee_commands(line.removeprefix("ExecStart=")):
                    assert command in commands, (unit.name, command)
                    seen.add(command)
                if "gunicorn" in line:
                    assert "harambee.wsgi" in line and "--no-control-socket" in line
    assert {"worker", "migrate", "digests", "retention", "backup", "sms", "event_reminders"} <= seen


def test_every_timer_has_its_service():
    timers = sorted(UNITS.glob("*.timer"))
    assert timers
    for timer in timers:
        assert timer.with_suffix(".service").exists(), timer.name
        assert "OnCalendar=" in timer.read_text()


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="no systemd-analyze here")
def test_systemd_accepts_the_units(tmp_path):
    root = tmp_path / "root"
    (root / "var").mkdir(parents=True)
    (root / ".venv").symlink_to(Path(settings.PROJECT_DIR) / ".venv")
    env = tmp_path / "harambee.env"
    env.write_text("")
    units = tmp_path / "units"
    units.mkdir()
    for unit in UNITS.iterdir():
        text = unit.read_text().replace("/opt/harambee", str(root))
        (units / unit.name).write_text(text.replace("/etc/harambee/harambee.env", str(env)))
    for template, instance in (("harambee-web@", "8001"), ("harambee-worker@", "1")):
        (units / f"{template}{instance}.service").write_text(
            (units / f"{template}.service").read_text()
        )
    names = [p.name for p in sorted(units.iterdir()) if not p.name.endswith("@.service")]
    result = subprocess.run(
        ["systemd-analyze", "verify", *names],
        cwd=units,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr


def test_the_compose_file_runs_the_documented_layout():
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    services = compose["services"]
    assert {"postgres", "redis", "minio", "migrate", "web1", "web2", "worker1", "worker2"} <= set(
        services
    )
    environment = compose["x-harambee"]["environment"]
    assert set(environment) <= DOCUMENTED
    assert environment["HARAMBEE_TASKS"] == "database"
    assert environment["HARAMBEE_CACHE_URL"].startswith("redis://")
    commands = set(get_commands())
    for name, service in services.items():
        command = service.get("command")
        if isinstance(command, list) and command[:3] == ["python", "-m", "harambee"]:
            assert command[3] in commands, name
    scheduler = " ".join(services["scheduler"]["command"])
    for command in re.findall(r"python -m harambee (\w+)", scheduler):
        assert command in commands
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    # The image carries the Debian tools the features need (the same as .ci/run's).
    for package in ("libpango-1.0-0", "espeak-ng", "sox", "lame", "fonts-noto-core", "gettext"):
        assert package in dockerfile


def test_docker_compose_accepts_the_compose_file_and_resolves_the_layout(tmp_path):
    """Docker Compose itself reads the file (schema, anchors, dependencies, the
    environment every service ends up with). No daemon is needed for ``config``; .ci/run
    installs Debian's docker-compose."""
    if not shutil.which("docker-compose"):
        if os.environ.get("CI"):
            raise AssertionError("docker-compose is missing: .ci/run installs it with apt-get")
        pytest.skip("docker-compose is not installed (apt-get install docker-compose)")
    copy = tmp_path / "deploy"
    shutil.copytree(DEPLOY, copy)
    (copy / "harambee.env").write_text("HARAMBEE_SECRET_KEY=from-the-env-file\n")
    result = subprocess.run(
        ["docker-compose", "-f", str(copy / "compose.yaml"), "config"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "COMPOSE_PROJECT_NAME": "harambee"},
    )
    assert result.returncode == 0, result.stderr
    resolved = yaml.safe_load(result.stdout)["services"]
    for name in ("web1", "web2", "worker1", "worker2", "scheduler"):
        environment = resolved[name]["environment"]
        assert environment["HARAMBEE_SECRET_KEY"] == "from-the-env-file", name
        assert environment["DATABASE_URL"].startswith("postgres://"), name
        assert environment["HARAMBEE_DB_POOL_SIZE"] == "4", name
    assert resolved["web1"]["depends_on"]["migrate"]["condition"] == (
        "service_completed_successfully"
    )
    # A broken file is refused: the check can fail.
    (copy / "compose.yaml").write_text(
        (copy / "compose.yaml").read_text().replace("service_healthy", "service_ready")
    )
    broken = subprocess.run(
        ["docker-compose", "-f", str(copy / "compose.yaml"), "config", "-q"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert broken.returncode != 0 and "service_ready" in broken.stderr
