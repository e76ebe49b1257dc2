from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PressConfig(AppConfig):
    name = "harambee.press"
    label = "press"
    verbose_name = _("Print: brochures and digests")
