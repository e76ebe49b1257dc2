from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "harambee.library"
    label = "library"
    verbose_name = _("Resource library")

    def ready(self) -> None:
        from harambee.core.registry import ContentKind, register_kind, register_page_cache_app
        from harambee.library import views

        register_page_cache_app(self.label)
        register_kind(
            ContentKind("resource", _("Resource"), "library:resource", render=views.render_resource)
        )
        register_kind(
            ContentKind(
                "collection", _("Collection"), "library:collection", render=views.render_collection
            )
        )
        from harambee.core.navigation import NavEntry, register_entry

        register_entry(NavEntry("knowledge", _("Library"), "library:index", order=20))
        from harambee.spaces.tabs import SpaceTab
        from harambee.spaces.tabs import register as register_tab

        register_tab(SpaceTab("library", _("Library"), "library:space_index", order=50))
