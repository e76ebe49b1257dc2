from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "harambee.core"
    label = "core"
    verbose_name = _("Content and conversation")

    def ready(self) -> None:
        from django.urls import register_converter

        from harambee.core import anoncache
        from harambee.core.models import AuditAction
        from harambee.core.registry import register_audit_actions, register_page_cache_app
        from harambee.inputs import IdConverter

        # Routes take ids as <id:pk>, before any URLconf is read.
        register_converter(IdConverter, "id")
        anoncache.connect()
        register_audit_actions(AuditAction)
        # People sit below core: their names and profiles are on anonymous pages too.
        for label in ("core", "people"):
            register_page_cache_app(label)
