from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "harambee.insights"
    label = "insights"
    verbose_name = _("Facilitation insights")

    def ready(self) -> None:
        from harambee.core.navigation import NavEntry, register_entry
        from harambee.core.registry import (
            ReaderState,
            RetentionRule,
            register_page_cache_app,
            register_posting_check,
            register_reader_state,
            register_retention,
        )
        from harambee.insights import selectors, services
        from harambee.insights.models import READS_KEPT_DAYS
        from harambee.insights.slowmode import check_slow_mode

        register_page_cache_app(self.label)
        register_posting_check(check_slow_mode)
        # Whether the reader's visit today is recorded, read with the item's reactions.
        register_reader_state(
            ReaderState(
                selectors.READ_TODAY,
                selectors.read_today_annotations,
                selectors.read_today_of,
                None,
            )
        )
        register_retention(
            RetentionRule(
                "item_reads",
                _("who read which item on which day (insights)"),
                lambda: READS_KEPT_DAYS,
                services.reads_prune,
            )
        )
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
