from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "harambee.portal"
    label = "portal"
    verbose_name = _("Public portal and feeds")

    def ready(self) -> None:
        from harambee.core.registry import (
            ContentKind,
            register_audit_actions,
            register_kind,
            register_page_cache_app,
        )
        from harambee.portal import views
        from harambee.portal.services import FeedAction

        register_page_cache_app(self.label)
        register_audit_actions(FeedAction)
        # News is a kind like any other: search, the feeds (/feeds/kinds/news/) and the
        # sitemap take it in without knowing it.
        register_kind(ContentKind("news", _("News"), "portal:news", render=views.render_news))
        from harambee.core.navigation import NavEntry, register_entry
        from harambee.core.registry import ItemTool, register_item_tool
        from harambee.portal.rules import feature_button, may_curate

        register_item_tool(ItemTool("portal:feature", feature_button))
        register_entry(NavEntry("home", _("News"), "portal:news_list", order=20))
        register_entry(
            NavEntry("account", _("Your private feed"), "portal:feed_settings", order=25)
        )
        register_entry(
            NavEntry(
                "account",
                _("Front page"),
                "portal:curate",
                order=75,
                show=lambda request: may_curate(request.user),
            )
        )
