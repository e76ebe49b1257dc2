from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "harambee.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from harambee.core import slots
        from harambee.notifications import signals

        signals.connect()
        # "Watch this conversation" over every item's comments.
        slots.register("conversation", "notifications/_watch.html")
