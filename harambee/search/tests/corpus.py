"""One corpus and one set of expected answers, run on SQLite and on PostgreSQL."""

from __future__ import annotations

from harambee.core.models import Visibility
from harambee.core.tests.factories import CommentFactory, PostFactory

# key -> (title, body)
ITEMS = {
    "rain": (
        "Rainwater harvesting in Tamale",
        "Farmers built tanks to store rain for the dry season.",
    ),
    "wells": ("Deep wells and their upkeep", "Committees collect a small fee to repair pumps."),
    "edu": ("Educación comunitaria", "Talleres de educación popular con mujeres rurales."),
    "school": ("School gardens", "Children grow vegetables; the education office joined later."),
    "dam": ("Small dam for irrigation", "The dam holds rain water for irrigation and wells."),
    "forest": ("Forest watch by radio", "Community radio reports illegal logging every week."),
    "phrase": ("Rain harvesting", "A short note."),
    "unrelated": ("Savings groups", "Women's savings groups lend to members at low rates."),
}
COMMENTS = {
    "forest": "The radio station also covers bushfires near the reserve.",
    "unrelated": "Tanks for rainwater could be bought with group savings.",
}

# query -> keys of the items found (as a set; relevance order differs by engine)
EXPECTED = {
    "rain": {"rain", "dam", "phrase", "unrelated"},
    "rainwater": {"rain", "unrelated"},
    '"rain harvesting"': {"phrase"},
    "harvesting": {"rain", "phrase"},
    "wells OR pumps": {"wells", "dam"},
    "rain -dam": {"rain", "phrase", "unrelated"},
    "educacion": {"edu"},
    "EDUCACIÓN": {"edu"},
    "educ": {"edu", "school"},
    "bushfires": {"forest"},
    "savings tanks": {"unrelated"},
    "radio": {"forest"},
    '"dry season"': {"rain"},
    "season dry": {"rain"},
    '"season dry"': set(),
    "nothingmatchesthis": set(),
    "women's": {"unrelated"},
}


def build(space, author) -> dict[str, object]:
    made = {}
    for key, (title, body) in ITEMS.items():
        made[key] = PostFactory(
            space=space, author=author, title=title, body=body, visibility=Visibility.PUBLIC
        )
    for key, body in COMMENTS.items():
        CommentFactory(content=made[key], author=author, body=body)
    return made
