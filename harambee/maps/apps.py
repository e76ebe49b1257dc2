from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MapsConfig(AppConfig):
    name = "harambee.maps"
    label = "maps"
    verbose_name = _("Map")

    def ready(self) -> None:
        # No tables of its own: the map reads initiatives, events and field reports,
        # whose apps take part in the anonymous page cache.
        from harambee.core.navigation import NavEntry, register_entry

        register_entry(NavEntry("learning", _("Map"), "maps:world", paths=("/map/",), order=15))
