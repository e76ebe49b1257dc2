from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "harambee.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from harambee.core.registry import register_page_cache_app
        from harambee.search import signals

        signals.connect()
        register_page_cache_app(self.label)
