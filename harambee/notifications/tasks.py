"""Background work for notifications. Tasks take ids and are idempotent: rows are
unique per person and event, and each email records when it was sent."""

from __future__ import annotations

from django_tasks import task

from harambee.core.models import Comment, Content
from harambee.spaces.models import Invitation, JoinRequest
from harambee.wiki.models import WikiRevision


@task()
def fan_out(what: str, pk: int) -> None:
    """Tell everyone who should hear of a new item, reply, wiki edit, join request,
    decision, invitation, or answer to a call for participation and its decision."""
    from harambee.notifications import services

    if what == "content":
        content = Content.objects.select_related("author").filter(pk=pk).first()
        if content is not None:
            services.fan_out_content(content=content)
    elif what == "comment":
        comment = (
            Comment.objects.select_related("author", "content", "parent").filter(pk=pk).first()
        )
        if comment is not None:
            services.fan_out_comment(comment=comment)
    elif what == "wiki_revision":
        revision = WikiRevision.objects.select_related("page", "author").filter(pk=pk).first()
        if revision is not None:
            services.fan_out_wiki_revision(revision=revision)
    elif what == "join_request":
        request = JoinRequest.objects.select_related("space", "user").filter(pk=pk).first()
        if request is not None:
            services.fan_out_join_request(request=request)
    elif what == "submission":
        from harambee.research.models import Submission

        submission = (
            Submission.objects.select_related("author", "decided_by", "call__collaboration")
            .filter(pk=pk)
            .first()
        )
        if submission is not None:
            services.fan_out_submission(submission=submission)
    elif what == "invitation":
        invitation = Invitation.objects.select_related("space").filter(pk=pk).first()
        if invitation is not None:
            services.fan_out_invitation(invitation=invitation)
    else:
        raise ValueError(what)


@task()
def email_immediately(recipient_ids: list[int]) -> None:
    """Send each of these people the notices they want by email at once."""
    from harambee.notifications.mail import send_immediate

    for pk in recipient_ids:
        send_immediate(recipient_id=pk)


@task()
def sms_immediately(
    recipient_ids: list[int], kind: str, content_id: int | None, comment_id: int | None
) -> int:
    """Text each of these people who chose SMS for this kind of notice: once per
    notice (its id is the message's unique key), and what it names only if the gate
    still lets them see it."""
    from django.conf import settings

    from harambee.core.visibility import can_view
    from harambee.notifications.models import Kind, Notification
    from harambee.reach.services import notification_text

    sent = 0
    notices = (
        Notification.objects.filter(
            recipient_id__in=recipient_ids,
            kind=kind,
            content_id=content_id,
            comment_id=comment_id,
        )
        .select_related("recipient", "content")
        .order_by("recipient_id", "-pk")
    )
    seen: set[int] = set()
    for notice in notices:
        if notice.recipient_id in seen:
            continue
        seen.add(notice.recipient_id)
        text = f"{settings.SITE_NAME}: {Kind(kind).label}"
        if notice.content is not None and can_view(notice.recipient, notice.content):
            link = f"{settings.SITE_URL}{notice.content.get_absolute_url()}"
            text += f": {notice.content.title[:80]} {link}"
        sent += notification_text(user=notice.recipient, key=f"notification-{notice.pk}", text=text)
    return sent
