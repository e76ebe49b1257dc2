from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SynthesisConfig(AppConfig):
    name = "harambee.synthesis"
    label = "synthesis"
    verbose_name = _("Synthesis")

    def ready(self) -> None:
        from harambee.core.registry import register_page_cache_app
        from harambee.synthesis import signals

        signals.connect()
        register_page_cache_app(self.label)
        from harambee.core.navigation import NavEntry, register_entry

        register_entry(
            NavEntry("learning", _("Themes"), "synthesis:themes", paths=("/synthesis/",), order=20)
        )
