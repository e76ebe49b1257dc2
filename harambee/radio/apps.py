from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RadioConfig(AppConfig):
    name = "harambee.radio"
    label = "radio"
    verbose_name = _("Community radio")
