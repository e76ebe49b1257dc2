from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RadioConfig(AppConfig):
    name = "harambee.radio"
    label = "radio"
    verbose_name = _("Community radio")

    def ready(self) -> None:
        from harambee.core.navigation import NavEntry, register_entry
        from harambee.core.registry import register_audit_actions, register_page_cache_app
        from harambee.radio import views
        from harambee.radio.services import RadioAction
        from harambee.spaces.tabs import SpaceTab
        from harambee.spaces.tabs import register as register_tab

        register_page_cache_app(self.label)
        register_audit_actions(RadioAction)
        register_entry(NavEntry("learning", _("Radio"), "radio:stations", order=60))
        register_tab(
            SpaceTab(
                "radio",
                _("Radio"),
                "radio:space",
                order=85,
                show=lambda request, space: views.shows_tab(request, space),
            )
        )
