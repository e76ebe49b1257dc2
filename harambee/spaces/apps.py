from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpacesConfig(AppConfig):
    name = "harambee.spaces"
    label = "spaces"
    verbose_name = _("Spaces")

    def ready(self) -> None:
        from harambee.core.registry import (
            ContentKind,
            register_audit_actions,
            register_kind,
            register_page_cache_app,
        )
        from harambee.spaces import replies, views
        from harambee.spaces.models import SpaceAction
        from harambee.spaces.rules import thread_reply_rule

        register_page_cache_app(self.label)
        register_kind(
            ContentKind(
                "post",
                _("Post"),
                "spaces:post",
                render=views.render_post,
                paged_replies=True,
                reply_rule=thread_reply_rule,
                # A reply added with htmx comes back with the thread's tools.
                comment_context=replies.reply_context_for,
            )
        )
        register_audit_actions(SpaceAction)
        from harambee.core.navigation import NavEntry, register_entry

        register_entry(NavEntry("spaces", _("All spaces"), "spaces:list", paths=("/invitations/",)))
        # Threads are conversations, in a space or in the alliance forum.
        register_entry(NavEntry("conversations", _("Forum"), "spaces:forum", paths=("/posts/",)))
