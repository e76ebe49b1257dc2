from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SampleDataConfig(AppConfig):
    name = "harambee.sampledata"
    label = "sampledata"
    verbose_name = _("Sample data")
