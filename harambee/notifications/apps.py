from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "harambee.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from harambee.core import slots
        from harambee.core.registry import (
            ReaderState,
            register_page_cache_app,
            register_reader_state,
        )
        from harambee.notifications import signals
        from harambee.notifications.selectors import watch_annotations, watch_state_of

        signals.connect()
        register_page_cache_app(self.label)
        register_reader_state(ReaderState("watch_state", watch_annotations, watch_state_of))
        # "Watch this conversation" over every item's comments.
        slots.register("conversation", "notifications/_watch.html")
        from harambee.core.navigation import NavEntry, register_entry

        slots.register("header", "notifications/_bell.html")
        register_entry(
            NavEntry("account", _("Notification settings"), "notifications:preferences", order=20)
        )
