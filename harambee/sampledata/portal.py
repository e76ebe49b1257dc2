"""The public portal for the demo (``data/portal.toml``): the front page's text, news
items and featured items, written through the portal's services by the steward."""

from __future__ import annotations

from datetime import datetime, timedelta

from harambee.core.models import Content
from harambee.people.models import User
from harambee.portal import services
from harambee.portal.selectors import public_items
from harambee.sampledata.datafiles import read


def load_portal(people: dict[str, User], now: datetime) -> int:
    data = read("portal")
    steward = people["amara"]
    services.front_page_update(actor=steward, intro=data["front_intro"])
    made = 0
    for row in data["news"]:
        services.news_create(
            author=people[row["by"]],
            title=row["title"],
            body=row["body"],
            publish=not row.get("draft", False),
            published=now - timedelta(days=row["days_ago"]),
        )
        made += 1
    for row in data["featured"]:
        newest = public_items(Content.objects.filter(kind=row["kind"])).order_by("-created")
        for item in newest[: row["count"]]:
            services.feature_add(actor=steward, content=item)
    return made
