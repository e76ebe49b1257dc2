"""This app's part of the leak test's world (see ``core/tests/test_leaks.py``).

The world's items are written with ``.objects.create`` and ``.update``, which the
index's signals do not all see, so the index is rebuilt from the world as it is.
Searches then ask for the markers every hidden item carries, and for misspellings
of them (``LEAK<pk>Q`` for ``LEAK<pk>X``): "Did you mean" may only offer a marker
the reader may see (suggestions keep the case typed, so a leak would show in upper
case, as the markers are written).
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
        *(f"{url}?q=LEAK{post.pk}Q" for post in world["posts"]),
        f"{url}?q=%22LEAK{world['posts'][0].pk}Q+TITLE%22+OR+LEAK{world['posts'][-1].pk}Q+-BODY",
        f"{url}?q=LEAK{world['posts'][1].pk}Q&kind=post&space={world['secret'].slug}",
    ]
