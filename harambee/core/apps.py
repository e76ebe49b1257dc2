from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "harambee.core"
    label = "core"
    verbose_name = _("Content and conversation")

    def ready(self) -> None:
        from harambee.core import anoncache

        anoncache.connect()
