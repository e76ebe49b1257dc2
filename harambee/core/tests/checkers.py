"""The outside checkers the suite runs against rendered pages, installed by
``npm ci --prefix tools`` (``make test`` does it): the Nu Html Checker (vnu.jar,
run with Java) and axe-core (injected into Chromium).

Without them the checks are skipped on a laptop, but never in CI: with ``CI=true``
or ``HARAMBEE_REQUIRE_BROWSER=1`` a missing checker fails the test.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

TOOLS = Path(__file__).resolve().parents[3] / "tools"
VNU_JAR = TOOLS / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = TOOLS / "node_modules" / "axe-core" / "axe.min.js"
INSTALL_HINT = "install with `npm ci --prefix tools` (make test does it)"


def checkers_required() -> bool:
    return os.environ.get("CI") == "true" or os.environ.get("HARAMBEE_REQUIRE_BROWSER") == "1"


def checker_unavailable(reason: str) -> None:
    if checkers_required():
        pytest.fail(f"CI=true or HARAMBEE_REQUIRE_BROWSER=1, but {reason}", pytrace=False)
    pytest.skip(f"{reason} (CI fails instead of skipping)")


def require_file(path: Path) -> Path:
    if not path.is_file():
        checker_unavailable(f"{path} is missing; {INSTALL_HINT}")
    return path


def java() -> str:
    found = shutil.which("java")
    if found is None:
        checker_unavailable("java is not installed (Debian: apt-get install default-jre-headless)")
    return found  # type: ignore[return-value]


def vnu(directory: Path) -> list[dict]:
    """Every message of the Nu Html Checker about the .html and .css files in
    ``directory``, in one run (the JVM is slow to start)."""
    jar = require_file(VNU_JAR)
    command = [java(), "-jar", str(jar), "--format", "json", "--stdout", "--also-check-css"]
    result = subprocess.run(
        [*command, str(directory)], capture_output=True, text=True, timeout=300, check=False
    )
    try:
        return json.loads(result.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"vnu gave no report (exit {result.returncode}): {result.stderr[-2000:]}")
