from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "harambee.stories"
    label = "stories"
    verbose_name = _("Stories")

    def ready(self) -> None:
        from harambee.core.registry import ContentKind, register_kind, register_page_cache_app
        from harambee.stories import views

        register_page_cache_app(self.label)
        register_kind(ContentKind("story", _("Story"), "stories:story", render=views.render_story))
        register_kind(
            ContentKind("story_call", _("Story call"), "stories:call", render=views.render_call)
        )
        from harambee.core.navigation import NavEntry, register_entry

        register_entry(
            NavEntry("learning", _("Stories"), "stories:blog", paths=("/calls/",), order=40)
        )
        from harambee.spaces.tabs import SpaceTab
        from harambee.spaces.tabs import register as register_tab

        register_tab(SpaceTab("stories", _("Stories"), "stories:space_blog", order=60))
