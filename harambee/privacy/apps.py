from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "harambee.privacy"
    label = "privacy"
    verbose_name = _("Privacy: data export and account deletion")

    def ready(self) -> None:
        from harambee.core.navigation import NavEntry, register_entry
        from harambee.core.registry import (
            RetentionRule,
            register_audit_actions,
            register_page_cache_app,
            register_retention,
        )
        from harambee.privacy import services

        # Erasing an account changes bylines on public pages.
        register_page_cache_app(self.label)
        register_audit_actions(services.PrivacyAction)
        register_retention(
            RetentionRule(
                "data_exports",
                _("expired data exports (their files)"),
                lambda: 1,
                services.exports_prune,
            )
        )
        register_entry(NavEntry("account", _("Your data"), "privacy:home", order=40))
