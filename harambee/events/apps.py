from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "harambee.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self) -> None:
        from harambee.core.navigation import NavEntry, register_entry
        from harambee.core.registry import (
            ContentKind,
            GrantSource,
            register_audit_actions,
            register_grant_source,
            register_kind,
            register_page_cache_app,
        )
        from harambee.events import views
        from harambee.events.services import EventAction
        from harambee.spaces.tabs import SpaceTab
        from harambee.spaces.tabs import register as register_tab

        register_page_cache_app(self.label)
        register_grant_source(GrantSource("events", _guest_grant_pairs))
        register_audit_actions(EventAction)
        register_kind(
            ContentKind(
                "event",
                _("Event"),
                "events:event",
                render=views.render_event,
                # On an initiative's timeline, an event stands where it takes place.
                dated_by="event__starts",
            )
        )
        register_entry(NavEntry("learning", _("Events"), "events:calendar", order=50))
        register_entry(
            NavEntry(
                "account",
                _("My events"),
                "events:mine",
                order=30,
                show=lambda request: request.user.is_authenticated,
            )
        )
        from harambee.core import slots

        slots.register("space-aside", "events/_space_aside.html")
        register_tab(SpaceTab("events", _("Events"), "events:space_calendar", order=65))


def _guest_grant_pairs(user_ids: list[int]) -> list:
    """(guest, item) pairs for these people: each running invitation's event, and the
    items linked to it."""
    from harambee.events.models import EventGuest, EventOutput

    guests = EventGuest.objects.active().filter(user_id__in=user_ids).order_by()
    events = guests.values_list("user_id", "event_id")
    outputs = (
        EventOutput.objects.filter(event__guests__in=guests.values("pk"))
        .order_by()
        .values_list("event__guests__user_id", "item_id")
    )
    return [events, outputs]
