from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "harambee.moderation"
    label = "moderation"
    verbose_name = _("Moderation")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from harambee.core import slots
        from harambee.core.registry import (
            register_audit_actions,
            register_page_cache_app,
            register_posting_check,
        )
        from harambee.moderation.context_processors import on_sign_in
        from harambee.moderation.models import ModerationAction
        from harambee.moderation.posting import check_posting

        user_logged_in.connect(on_sign_in, dispatch_uid="moderation_menu_on_sign_in")
        register_page_cache_app(self.label)
        register_audit_actions(ModerationAction)
        register_posting_check(check_posting)
        # A flag link beside each item's reactions and under each comment.
        slots.register("item-tools", "moderation/_flag_link.html")
        slots.register("comment-tools", "moderation/_flag_link.html")
        from harambee.core.navigation import NavEntry, register_entry
        from harambee.moderation.context_processors import shows_moderation

        register_entry(
            NavEntry(
                "account", _("Moderation"), "moderation:queue", order=70, show=shows_moderation
            )
        )
