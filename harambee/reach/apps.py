from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReachConfig(AppConfig):
    name = "harambee.reach"
    label = "reach"
    verbose_name = _("Reach by SMS")

    def ready(self) -> None:
        from django.conf import settings

        from harambee.core.navigation import NavEntry, register_entry
        from harambee.core.registry import (
            ContentKind,
            RetentionRule,
            register_audit_actions,
            register_kind,
            register_page_cache_app,
            register_retention,
        )
        from harambee.reach import services, views
        from harambee.reach.services import SmsAction
        from harambee.spaces.tabs import SpaceTab
        from harambee.spaces.tabs import register as register_tab

        register_page_cache_app(self.label)
        register_retention(
            RetentionRule(
                "raw_sms",
                _("raw SMS gateway requests"),
                lambda: settings.RETAIN_RAW_SMS_DAYS,
                services.raw_prune,
            )
        )
        register_audit_actions(SmsAction)
        register_kind(
            ContentKind(
                "field_report", _("Field report"), "reach:report", render=views.render_report
            )
        )
        register_entry(
            NavEntry(
                "account",
                _("SMS"),
                "reach:index",
                order=40,
                show=lambda request: request.user.is_authenticated,
            )
        )
        register_tab(
            SpaceTab(
                "sms",
                _("SMS"),
                "reach:space",
                order=80,
                show=lambda request, space: views.shows_tab(request, space),
            )
        )
