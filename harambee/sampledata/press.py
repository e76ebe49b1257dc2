"""Print for the demo (``data/press.toml``): a brochure of the Ghana forum's public
lessons, made through the print services. Its PDF is not rendered here (that takes
seconds): the brochure is left waiting, and the first visit of its page queues it."""

from __future__ import annotations

from datetime import datetime

from harambee.people.models import User
from harambee.press import selectors, services
from harambee.sampledata.datafiles import read
from harambee.spaces.models import Space


def load_press(people: dict[str, User], spaces: dict[str, Space], now: datetime) -> int:
    made = 0
    for row in read("press")["brochures"]:
        space = spaces[row["space"]]
        items = selectors.public_items().filter(space_id=space.pk, kind__in=row["kinds"])
        services.brochure_create(
            actor=people[row["by"]],
            space=space,
            title=row["title"],
            intro=row["intro"],
            source="hand",
            item_ids=list(items.order_by("created").values_list("pk", flat=True)),
            language=row["language"],
            paper=row["paper"],
            columns=row["columns"],
            booklet=row["booklet"],
            queue=False,
        )
        made += 1
    return made
