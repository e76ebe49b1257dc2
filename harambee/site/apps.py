from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """Pages that gather from many apps: home, the directories, the audit log, admin."""

    name = "harambee.site"
    label = "site"
    verbose_name = _("Site pages")
