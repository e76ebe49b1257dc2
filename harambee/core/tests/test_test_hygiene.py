"""Every test states what it expects: none passes merely by not raising.

A test function counts as asserting when its body (nested functions included) has an
``assert`` statement, a ``pytest.raises``/``pytest.warns``/``pytest.fail``, a call to
anything named ``assert...`` (``assert_hidden``, ``assertEqual``, ``assert_called_once``),
a query guard (``django_assert_num_queries``, ``django_assert_max_num_queries``), a
Playwright ``expect(...)``, or a call to a function of the same module that asserts
(followed through helpers that call helpers).
"""

from __future__ import annotations

import ast
from pathlib import Path

import harambee

ROOT = Path(harambee.__file__).parent
POSITIVE = {"raises", "warns", "fail", "expect"}


def _called_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _asserts_directly(node: ast.AST) -> tuple[bool, set[str]]:
    """(whether ``node`` asserts by itself, the names it calls)."""
    called: set[str] = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Assert):
            return True, called
        if isinstance(sub, ast.Call):
            name = _called_name(sub)
            if name.startswith(("assert", "django_assert")) or name in POSITIVE:
                return True, called
            called.add(name)
    return False, called


def silent_tests(source: str) -> list[str]:
    """Names of the test functions in ``source`` that assert nothing."""
    tree = ast.parse(source)
    functions: dict[str, ast.AST] = {}
    tests: list[ast.FunctionDef | ast.AsyncFunctionDef] = []
    for node in tree.body:
        bodies = node.body if isinstance(node, ast.ClassDef) else [node]
        in_test_class = isinstance(node, ast.ClassDef) and node.name.startswith("Test")
        for item in bodies:
            if not isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            if item.name.startswith("test") and (in_test_class or item is node):
                tests.append(item)
            else:
                functions[item.name] = item
    verdicts = {name: _asserts_directly(node) for name, node in functions.items()}
    asserting = {name for name, (yes, _) in verdicts.items() if yes}
    grew = True
    while grew:
        grew = False
        for name, (_, called) in verdicts.items():
            if name not in asserting and called & asserting:
                asserting.add(name)
                grew = True
    missing = []
    for test in tests:
        yes, called = _asserts_directly(test)
        if not yes and not called & asserting:
            missing.append(test.name)
    return missing


def test_every_test_function_asserts_something():
    offenders = []
    files = sorted(ROOT.rglob("test_*.py"))
    assert len(files) > 50
    for path in files:
        for name in silent_tests(path.read_text()):
            offenders.append(f"{path.relative_to(ROOT.parent)}::{name}")
    assert offenders == []


def test_the_check_finds_a_test_that_asserts_nothing():
    source = """
def helper(x):
    assert x


def indirect(x):
    helper(x)


def test_silent(client):
    client.get("/")


def test_plain():
    assert 1


def test_through_a_helper():
    indirect(1)


def test_raises():
    with pytest.raises(ValueError):
        int("x")


def test_matrix(client_for):
    assert_hidden(client_for, "/", [])


def test_queries(django_assert_num_queries):
    with django_assert_num_queries(1):
        pass


def test_browser(page):
    expect(page).to_have_title("x")


class TestThings:
    def test_method_silent(self):
        self.client.get("/")

    def test_method_asserts(self):
        self.assertEqual(1, 1)
"""
    assert silent_tests(source) == ["test_silent", "test_method_silent"]
