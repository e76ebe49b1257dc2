from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PressConfig(AppConfig):
    name = "harambee.press"
    label = "press"
    verbose_name = _("Print: brochures and digests")

    def ready(self) -> None:
        from harambee.core.registry import register_audit_actions, register_page_cache_app
        from harambee.press import views
        from harambee.press.services import PressAction
        from harambee.spaces.tabs import SpaceTab
        from harambee.spaces.tabs import register as register_tab

        register_page_cache_app(self.label)
        register_audit_actions(PressAction)
        register_tab(
            SpaceTab(
                "print",
                _("Print"),
                "press:index",
                order=85,
                show=lambda request, space: views.shows_tab(request, space),
            )
        )
