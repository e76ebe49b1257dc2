from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def analyze(sender: Any, using: str = "default", plan: Any = None, **kwargs: Any) -> None:
    """Refresh the planner's statistics once migrations have run: a new index is used
    only when the planner knows how it divides its table (SQLite keeps no statistics
    for an index it has not analysed, and may then sort a whole table rather than read
    a range of the index). A whole pass: about 5 seconds at a million items on SQLite;
    a sampled one (``analysis_limit``) left indexes without statistics and the planner
    sorting again."""
    if not plan:
        return
    from django.db import connections

    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA analysis_limit=0")
            cursor.execute("ANALYZE")
        elif connection.vendor == "postgresql":
            cursor.execute("ANALYZE")


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
        # Once per migrate run that applied something (core's signal, sent last of all
        # apps' is as good as any: it carries the whole plan).
        post_migrate.connect(analyze, sender=self, dispatch_uid="harambee-analyze")
        anoncache.connect()
        register_audit_actions(AuditAction)
        from harambee.core.retention import register_core_rules

        register_core_rules()
        # People sit below core: their names and profiles are on anonymous pages too.
        for label in ("core", "people"):
            register_page_cache_app(label)
