from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpacesConfig(AppConfig):
    name = "harambee.spaces"
    label = "spaces"
    verbose_name = _("Spaces")

    def ready(self) -> None:
        from harambee.core import comments
        from harambee.spaces import replies

        # A reply added with htmx comes back with the thread's tools.
        comments.register_context("post", replies.reply_context_for)
