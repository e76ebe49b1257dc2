"""The shape of the code: layers point one way, apps import in no circle, modules stay
small enough to read (docs/architecture.md, "Layers")."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PACKAGE = ROOT / "harambee"
MAX_LINES = 800


def test_no_app_imports_from_a_higher_layer_or_in_a_circle():
    """``lint-imports`` checks the contracts in pyproject.toml: the layers contract and
    the acyclic-siblings contract over the apps."""
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint), "--no-cache", "--no-logo", "--config", str(ROOT / "pyproject.toml")],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


def test_no_module_outgrows_reading():
    """Past ~800 lines a module becomes a package (STYLE.md); data lives in data files."""
    long = {
        str(path.relative_to(ROOT)): count
        for path in PACKAGE.rglob("*.py")
        if "migrations" not in path.parts
        and (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}
