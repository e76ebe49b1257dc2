"""This app's part of the leak test's world (see ``core/tests/test_leaks.py``).

The world's items are written with ``.objects.create`` and ``.update``, which the
index's signals do not all see, so the index is rebuilt from the world as it is.
Searches then ask for the markers every hidden item carries.
"""

from __future__ import annotations

from django.urls import reverse


def build(cast, world) -> None:
    from harambee.search.services import index_rebuild

    index_rebuild()


def urls_for(name: str, cast, world) -> list[str] | None:
    if name != "search:search":
        return None
    url = reverse(name)
    return [
        f"{url}?q=LEAK",
        f"{url}?q=TITLE",
        f"{url}?q=BODY&kind=post",
        f"{url}?q=COMMENT",
        f"{url}?q=LEAK&sort=newest",
        f"{url}?q=LEAK&page=2",
        f"{url}?q=TITLE+OR+COMMENT&space={world['secret'].slug}",
        f"{url}?q=LEAK&space={cast.space.slug}",
    ]
