from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "harambee.api"
    label = "api"
    verbose_name = _("REST API")

    def ready(self) -> None:
        import harambee.api.schema  # noqa: F401  (registers the schema extensions)
        from harambee.api.services import TokenAction
        from harambee.core.navigation import NavEntry, register_entry
        from harambee.core.registry import register_audit_actions, register_page_cache_app

        # The API's own table (tokens) changes no anonymous page; registered all the
        # same, as every app with tables is, so a later field that does is covered.
        register_page_cache_app(self.label)
        register_audit_actions(TokenAction)
        register_entry(NavEntry("account", _("API tokens"), "api:tokens", order=26))
