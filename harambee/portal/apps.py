from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "harambee.portal"
    label = "portal"
    verbose_name = _("Public portal and feeds")

    def ready(self) -> None:
        from harambee.core.registry import register_audit_actions, register_page_cache_app
        from harambee.portal.services import FeedAction

        register_page_cache_app(self.label)
        register_audit_actions(FeedAction)
        from harambee.core.navigation import NavEntry, register_entry

        register_entry(
            NavEntry("account", _("Your private feed"), "portal:feed_settings", order=25)
        )
