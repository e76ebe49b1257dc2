"""Views are thin: they read through their app's selectors, never the ORM. This test
reads every app's views (``views.py`` or a ``views/`` package) with ``ast`` and fails on
``<anything>.objects`` and on ``get_object_or_404``/``get_list_or_404`` given a model
class, so that queries cannot drift back into views."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2]

SHORTCUTS = {"get_object_or_404", "get_list_or_404"}


def view_modules() -> list[Path]:
    found = (
        list(PACKAGE.glob("*/views.py"))
        + list(PACKAGE.glob("*/*_views.py"))
        + list(PACKAGE.glob("*/views/*.py"))
    )
    return sorted(found)


def _name(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def _is_model_class(node: ast.expr) -> bool:
    """A bare class name (``Post``) or a dotted one (``models.Post``): by convention,
    capitalised."""
    if isinstance(node, ast.Name):
        return node.id[:1].isupper()
    if isinstance(node, ast.Attribute):
        return node.attr[:1].isupper()
    return False


def queries_in(source: str) -> list[str]:
    """Each place in ``source`` that reads the database past the selectors."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr == "objects":
            found.append((node.lineno, ast.unparse(node)))
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name in SHORTCUTS and node.args and _is_model_class(node.args[0]):
                found.append((node.lineno, f"{name}({ast.unparse(node.args[0])}, ...)"))
    return [f"line {line}: {text}" for line, text in sorted(found)]


def test_it_finds_the_views_of_every_app():
    names = {_name(path) for path in view_modules()}
    assert {
        "core/views.py",
        "initiatives/views.py",
        "moderation/views.py",
        "site/people_views.py",
        "site/views.py",
        "spaces/views.py",
        "wiki/views.py",
    } <= names


@pytest.mark.parametrize("path", view_modules(), ids=_name)
def test_views_read_only_through_selectors(path: Path):
    assert queries_in(path.read_text()) == [], f"{_name(path)} queries; use a selector"


def test_it_catches_objects_and_shortcuts_with_a_model():
    source = (
        "def view(request, pk):\n"
        "    a = Post.objects.get(pk=pk)\n"
        "    b = get_object_or_404(Post, pk=pk)\n"
        "    c = get_object_or_404(models.Post.objects.all(), pk=pk)\n"
        "    d = shortcuts.get_list_or_404(Post)\n"
        "    e = selectors.post_get(user=request.user, pk=pk)\n"
    )
    found = queries_in(source)
    assert found == [
        "line 2: Post.objects",
        "line 3: get_object_or_404(Post, ...)",
        "line 4: models.Post.objects",
        "line 5: get_list_or_404(Post, ...)",
    ]
