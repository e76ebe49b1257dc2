from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "harambee.library"
    label = "library"
    verbose_name = _("Resource library")

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from harambee.library import signals

        # Saving a Resource or Collection signals the concrete model only, and this
        # app is not among the page cache's product apps: without these receivers an
        # anonymous visitor could be served a page listing a resource since hidden.
        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(signals.library_changed, dispatch_uid=f"library-anoncache-{signal!r}")
