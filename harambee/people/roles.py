"""Every role and what it may do, in one table.

Alliance roles say who a person is to the alliance; space roles say what a person
may do inside one space. A permission check anywhere in the code asks this module,
never compares role names itself.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class AllianceRole(models.TextChoices):
    STEWARD = "steward", _("Steward")
    MEMBER = "member", _("Member")
    GUEST = "guest", _("Guest")


class SpaceRole(models.TextChoices):
    LEAD = "lead", _("Lead")
    FACILITATOR = "facilitator", _("Facilitator")
    MEMBER = "member", _("Member")
    OBSERVER = "observer", _("Observer")


class Perm(models.TextChoices):
    # Alliance permissions
    READ_ALLIANCE = "read_alliance", _("Read what is shared with the whole alliance")
    TAKE_PART = "take_part", _("Write, comment and ask to join across the alliance")
    BE_LISTED = "be_listed", _("Be listed in the directory and named across the alliance")
    SEE_ALL_MEMBERS = "see_all_members", _("See the members of every space")
    WRITE_SYNTHESIS = "write_synthesis", _("Write what the alliance knows about a theme")
    SEE_DIRECTORY = "see_directory", _("See the people and organisation directories")
    SEE_MEMBER_SPACES = "see_member_spaces", _("See spaces listed to members")
    SEE_ALL_SPACES = "see_all_spaces", _("See every space, secret ones too")
    CREATE_SPACE = "create_space", _("Create a space")
    SEE_AUDIT_LOG = "see_audit_log", _("Read the audit log")
    USE_ADMIN = "use_admin", _("Use the administration site")
    # Space permissions; the alliance roles hold POST and COMMENT for what lives outside
    # any space (the alliance blog, wiki, library and stream).
    POST = "post", _("Post in the space")
    COMMENT = "comment", _("Comment in the space")
    INVITE = "invite", _("Invite people to the space")
    DECIDE_REQUESTS = "decide_requests", _("Approve or decline join requests")
    MANAGE_MEMBERS = "manage_members", _("Change roles and remove members")
    EDIT_SPACE = "edit_space", _("Edit the space's settings")
    ADAPT = "adapt", _("Make and review shareable versions of restricted items")
    EDIT_STORIES = "edit_stories", _("Publish stories and run story calls")
    # Threads: in a space these come from the space role; in the alliance forum
    # (threads outside any space) from the alliance role.
    START_FORUM_THREAD = "start_forum_thread", _("Start threads in the alliance forum")
    MODERATE_THREADS = "moderate_threads", _("Pin, lock and unlock threads and choose answers")
    SUMMARISE = "summarise", _("Write where a discussion stands")
    INVITE_TO_THREAD = "invite_to_thread", _("Invite an outside voice into one thread")
    # Moderation: in a space from the space role; outside any space from the alliance role.
    MODERATE = "moderate", _("Review flags, hide and restore content, move threads")
    SUSPEND_MEMBERS = "suspend_members", _("Suspend an account from posting")
    APPROVE_SIGNUPS = "approve_signups", _("Approve or decline the people who sign up")
    # Insights: in a space from the space role; alliance-wide from the alliance role.
    SEE_INSIGHTS = "see_insights", _("See per-person and per-thread insights and prompts")


ALLIANCE_PERMISSIONS: dict[str, frozenset[str]] = {
    AllianceRole.STEWARD: frozenset(
        {
            Perm.READ_ALLIANCE,
            Perm.TAKE_PART,
            Perm.POST,
            Perm.COMMENT,
            Perm.BE_LISTED,
            Perm.SEE_ALL_MEMBERS,
            Perm.WRITE_SYNTHESIS,
            # What a space's lead may do to its places, stewards may do to the alliance's
            # own (who sees an alliance wiki page).
            Perm.EDIT_SPACE,
            Perm.SEE_DIRECTORY,
            Perm.SEE_MEMBER_SPACES,
            Perm.SEE_ALL_SPACES,
            Perm.CREATE_SPACE,
            Perm.SEE_AUDIT_LOG,
            Perm.USE_ADMIN,
            Perm.EDIT_STORIES,
            Perm.START_FORUM_THREAD,
            Perm.MODERATE_THREADS,
            Perm.SUMMARISE,
            Perm.INVITE_TO_THREAD,
            Perm.MODERATE,
            Perm.SUSPEND_MEMBERS,
            Perm.APPROVE_SIGNUPS,
            Perm.SEE_INSIGHTS,
        }
    ),
    AllianceRole.MEMBER: frozenset(
        {
            Perm.READ_ALLIANCE,
            Perm.TAKE_PART,
            Perm.POST,
            Perm.COMMENT,
            Perm.BE_LISTED,
            Perm.SEE_DIRECTORY,
            Perm.SEE_MEMBER_SPACES,
            Perm.CREATE_SPACE,
            Perm.START_FORUM_THREAD,
        }
    ),
    # Guests are invited into spaces (or one thread) and act only there.
    AllianceRole.GUEST: frozenset(),
}

SPACE_PERMISSIONS: dict[str, frozenset[str]] = {
    SpaceRole.LEAD: frozenset(
        {
            Perm.SEE_INSIGHTS,
            Perm.POST,
            Perm.COMMENT,
            Perm.INVITE,
            Perm.DECIDE_REQUESTS,
            Perm.MANAGE_MEMBERS,
            Perm.EDIT_SPACE,
            Perm.ADAPT,
            Perm.EDIT_STORIES,
            Perm.MODERATE_THREADS,
            Perm.SUMMARISE,
            Perm.INVITE_TO_THREAD,
            Perm.MODERATE,
        }
    ),
    SpaceRole.FACILITATOR: frozenset(
        {
            Perm.SEE_INSIGHTS,
            Perm.POST,
            Perm.COMMENT,
            Perm.INVITE,
            Perm.DECIDE_REQUESTS,
            Perm.ADAPT,
            Perm.EDIT_STORIES,
            Perm.MODERATE_THREADS,
            Perm.SUMMARISE,
            Perm.INVITE_TO_THREAD,
            Perm.MODERATE,
        }
    ),
    SpaceRole.MEMBER: frozenset({Perm.POST, Perm.COMMENT}),
    SpaceRole.OBSERVER: frozenset({Perm.COMMENT}),
}


def alliance_may(role: str | None, perm: str) -> bool:
    return perm in ALLIANCE_PERMISSIONS.get(role or "", frozenset())


def space_may(role: str | None, perm: str) -> bool:
    return perm in SPACE_PERMISSIONS.get(role or "", frozenset())


def alliance_roles_with(perm: str) -> list[str]:
    """The alliance roles that hold ``perm``: for querysets (``role__in=...``)."""
    return [role for role, perms in ALLIANCE_PERMISSIONS.items() if perm in perms]
