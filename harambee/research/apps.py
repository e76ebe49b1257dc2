from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResearchConfig(AppConfig):
    name = "harambee.research"
    label = "research"
    verbose_name = _("Research")

    def ready(self) -> None:
        from harambee.core.navigation import NavEntry, register_entry
        from harambee.core.registry import (
            ContentKind,
            register_audit_actions,
            register_kind,
            register_page_cache_app,
        )
        from harambee.research import views
        from harambee.research.services import ResearchAction
        from harambee.spaces.tabs import SpaceTab
        from harambee.spaces.tabs import register as register_tab

        register_page_cache_app(self.label)
        register_audit_actions(ResearchAction)
        register_kind(
            ContentKind(
                "collaboration",
                _("Research collaboration"),
                "research:collaboration",
                render=views.render_collaboration,
            )
        )
        register_kind(
            ContentKind(
                "research_call",
                _("Call for participation"),
                "research:call",
                render=views.render_call,
            )
        )
        register_kind(
            ContentKind(
                "research_output",
                _("Research output"),
                "research:output",
                render=views.render_output,
            )
        )
        register_entry(NavEntry("learning", _("Research"), "research:list", order=55))
        register_tab(
            SpaceTab(
                "research",
                _("Research"),
                "research:space_list",
                order=70,
                # Collaborations live in research spaces only.
                show=lambda request, space: space.kind == "research",
            )
        )
