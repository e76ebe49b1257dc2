from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _reply_changed(sender, instance, **kwargs) -> None:
    from harambee.spaces.services import thread_activity_refresh

    thread_activity_refresh(content_id=instance.content_id)


def _thread_grant_pairs(user_ids: list[int]) -> list:
    """(guest, thread) for each running thread invitation of these people."""
    from harambee.spaces.models import ThreadGuest

    return [
        ThreadGuest.objects.active()
        .filter(user_id__in=user_ids)
        .values_list("user_id", "thread_id")
    ]


def _may_see_members(request, space) -> bool:
    from harambee.people.roles import Perm
    from harambee.spaces.selectors import membership_for

    user = request.user
    if not user.is_authenticated:
        return False
    return membership_for(user, space.pk) is not None or user.may(Perm.SEE_ALL_MEMBERS)


class SpacesConfig(AppConfig):
    name = "harambee.spaces"
    label = "spaces"
    verbose_name = _("Spaces")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from harambee.core.models import Comment
        from harambee.core.registry import (
            ContentKind,
            GrantSource,
            ReaderState,
            register_audit_actions,
            register_grant_source,
            register_kind,
            register_page_cache_app,
            register_reader_state,
        )
        from harambee.spaces import replies, views
        from harambee.spaces.models import SpaceAction
        from harambee.spaces.rules import thread_reply_rule
        from harambee.spaces.selectors import read_annotations, read_at_of

        register_page_cache_app(self.label)
        register_grant_source(GrantSource("threads", _thread_grant_pairs))
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
        register_reader_state(ReaderState("thread_read_at", read_annotations, read_at_of, None))
        post_save.connect(_reply_changed, sender=Comment, dispatch_uid="thread-activity-save")
        post_delete.connect(_reply_changed, sender=Comment, dispatch_uid="thread-activity-delete")
        self._register_tabs()
        from harambee.core.navigation import NavEntry, register_entry

        register_entry(NavEntry("spaces", _("All spaces"), "spaces:list", paths=("/invitations/",)))
        # Threads are conversations, in a space or in the alliance forum.
        register_entry(NavEntry("conversations", _("Forum"), "spaces:forum", paths=("/posts/",)))

    def _register_tabs(self) -> None:
        from harambee.spaces.tabs import SpaceTab, register

        register(SpaceTab("overview", _("Overview"), "spaces:detail", order=0, exact=True))
        register(SpaceTab("threads", _("Threads"), "spaces:threads", order=10, paths=("posts/",)))
        register(
            SpaceTab(
                "members",
                _("Members"),
                "spaces:members",
                order=90,
                show=_may_see_members,
                paths=("requests/", "invite/"),
            )
        )
