"""A research space with one collaboration, shared by this app's tests."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from harambee.research import services
from harambee.spaces.models import Space


def research_space(cast) -> Space:
    Space.objects.filter(pk=cast.space.pk).update(kind=Space.Type.RESEARCH)
    cast.space.refresh_from_db()
    return cast.space


def collaboration(cast, **kwargs):
    space = research_space(cast)
    fields = {
        "title": "How do community monitors see forest change?",
        "body": "Agenda *text*.",
        "methods": "Transect walks.",
        "visibility": "space",
        "roles": ["conceptualization", "methodology"],
    }
    fields.update(kwargs)
    return services.collaboration_create(author=cast.space_lead, space=space, **fields)


def call(cast, collab, *, days: int = 7, visibility: str = "space"):
    return services.call_create(
        author=cast.space_lead,
        collaboration=collab,
        title="Monitors wanted",
        body="Join the *monitoring*.",
        questions="Where do you work?\nWhat do you measure?",
        deadline=timezone.now() + timedelta(days=days),
        visibility=visibility,
    )
