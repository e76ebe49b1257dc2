from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WikiConfig(AppConfig):
    name = "harambee.wiki"
    label = "wiki"
    verbose_name = _("Knowledge base")

    def ready(self) -> None:
        from harambee.core.registry import ContentKind, register_kind, register_page_cache_app
        from harambee.wiki import views

        register_page_cache_app(self.label)
        register_kind(
            ContentKind(
                "wiki_page",
                _("Wiki page"),
                "wiki:page_by_id",
                render=views.render_page,
                address_needs_space=True,
            )
        )
        from harambee.core.navigation import NavEntry, register_entry

        register_entry(NavEntry("knowledge", _("Wiki"), "wiki:index", order=10))
        from harambee.spaces.tabs import SpaceTab
        from harambee.spaces.tabs import register as register_tab

        register_tab(SpaceTab("wiki", _("Wiki"), "wiki:space_index", order=40))
