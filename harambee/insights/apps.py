from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "harambee.insights"
    label = "insights"
    verbose_name = _("Facilitation insights")

    def ready(self) -> None:
        from harambee.core.navigation import NavEntry, register_entry
        from harambee.core.registry import register_page_cache_app, register_posting_check
        from harambee.insights.slowmode import check_slow_mode

        register_page_cache_app(self.label)
        register_posting_check(check_slow_mode)
        register_entry(
            NavEntry(
                "conversations",
                _("Insights"),
                "insights:index",
                paths=("/insights/",),
                order=80,
                show=lambda request: request.user.is_authenticated,
            )
        )
