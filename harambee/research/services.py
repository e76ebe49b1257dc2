"""Writes for research collaborations, their plan, links, calls and submissions.
Each is atomic; accepting or declining a submission is in the audit log."""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import TextChoices
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from harambee.core.models import Content, Visibility
from harambee.core.services import audit_record
from harambee.core.visibility import can_view
from harambee.people.models import User
from harambee.research import rules
from harambee.research.models import (
    Call,
    Collaboration,
    Contributor,
    CreditRole,
    Link,
    Milestone,
    Output,
    Submission,
)
from harambee.spaces.models import Space


class ResearchAction(TextChoices):
    SUBMISSION_ACCEPTED = "research_accepted", gettext_lazy("accepted a research submission")
    SUBMISSION_DECLINED = "research_declined", gettext_lazy("declined a research submission")


def clean_roles(roles: list[str]) -> list[str]:
    """The CRediT roles in their standard order; anything else is refused."""
    unknown = [r for r in roles if r not in CreditRole.values]
    if unknown:
        raise ValidationError(
            {"roles": _("Choose roles from the CRediT taxonomy only.")}, code="credit"
        )
    if not roles:
        raise ValidationError({"roles": _("Choose at least one CRediT role.")}, code="required")
    return [r for r in CreditRole.values if r in roles]


def _organiser(actor: User, collaboration: Collaboration) -> None:
    if not rules.is_organiser(actor, collaboration):
        raise PermissionDenied


@transaction.atomic
def collaboration_create(
    *,
    author: User,
    space: Space,
    title: str,
    body: str = "",
    methods: str = "",
    visibility: str = Visibility.SPACE,
    initiatives: list[Space] | None = None,
    coauthors: list[User] | None = None,
    roles: list[str] | None = None,
) -> Collaboration:
    if not rules.may_start(author, space):
        raise PermissionDenied
    collaboration = Collaboration.objects.create(
        author=author,
        space=space,
        title=title.strip(),
        body=body,
        methods=methods,
        visibility=visibility,
    )
    if initiatives:
        collaboration.initiatives.set([s for s in initiatives if s.kind == Space.Type.INITIATIVE])
    if coauthors:
        collaboration.coauthors.set([c for c in coauthors if c.pk != author.pk])
    Contributor.objects.create(
        collaboration=collaboration,
        user=author,
        roles=clean_roles(roles or [CreditRole.CONCEPTUALIZATION]),
    )
    return collaboration


@transaction.atomic
def contributor_set(
    *, actor: User, collaboration: Collaboration, user: User, roles: list[str]
) -> Contributor:
    """Add ``user`` as a contributor, or change their roles."""
    _organiser(actor, collaboration)
    cleaned = clean_roles(roles)
    contributor, _created = Contributor.objects.update_or_create(
        collaboration=collaboration, user=user, defaults={"roles": cleaned}
    )
    return contributor


@transaction.atomic
def contributor_remove(*, actor: User, contributor: Contributor) -> None:
    _organiser(actor, contributor.collaboration)
    contributor.delete()


@transaction.atomic
def milestone_add(*, actor: User, collaboration: Collaboration, title: str, due: date) -> Milestone:
    _organiser(actor, collaboration)
    return Milestone.objects.create(collaboration=collaboration, title=title.strip(), due=due)


@transaction.atomic
def milestone_toggle(*, actor: User, milestone: Milestone) -> Milestone:
    _organiser(actor, milestone.collaboration)
    milestone.done = not milestone.done
    milestone.save(update_fields=["done"])
    return milestone


@transaction.atomic
def link_add(*, actor: User, holder: Content, item: Content) -> Link:
    """Link ``item`` (which ``actor`` may read) to a collaboration or an output."""
    if not can_view(actor, item) or item.pk == holder.pk:
        raise ValidationError({"item": _("That item cannot be found.")})
    link, _created = Link.objects.get_or_create(
        holder=holder, item=item, defaults={"added_by": actor}
    )
    return link


@transaction.atomic
def link_remove(*, actor: User, link: Link) -> None:
    link.delete()


@transaction.atomic
def output_create(
    *, author: User, collaboration: Collaboration, title: str, body: str, visibility: str
) -> Output:
    _organiser(author, collaboration)
    return Output.objects.create(
        collaboration=collaboration,
        space=collaboration.space,
        author=author,
        title=title.strip(),
        body=body,
        visibility=visibility,
    )


@transaction.atomic
def call_create(
    *,
    author: User,
    collaboration: Collaboration,
    title: str,
    body: str,
    questions: str,
    deadline: datetime,
    visibility: str,
) -> Call:
    _organiser(author, collaboration)
    return Call.objects.create(
        collaboration=collaboration,
        space=collaboration.space,
        author=author,
        title=title.strip(),
        body=body,
        questions=questions,
        deadline=deadline,
        visibility=visibility,
    )


def submission_create(*, author: User, call: Call, answers: list[str]) -> Submission:
    """One submission a person, before the deadline. Refusals are ValidationErrors
    about the whole form, so the typed answers are shown again."""
    if not can_view(author, call) or not rules.may_submit(author, call.space):
        raise PermissionDenied
    if timezone.now() > call.deadline:
        raise ValidationError(
            _("The deadline for this call has passed: submissions are closed."), code="late"
        )
    if Submission.objects.filter(call=call, author=author).exists():
        raise ValidationError(_("You have already answered this call."), code="twice")
    try:
        with transaction.atomic():
            return Submission.objects.create(call=call, author=author, answers=answers)
    except IntegrityError:
        # Two answers sent at once: the constraint keeps one.
        raise ValidationError(_("You have already answered this call."), code="twice") from None


@transaction.atomic
def submission_accept(*, actor: User, submission: Submission, roles: list[str]) -> Contributor:
    """Accept into the collaboration: the applicant becomes a contributor with
    ``roles`` (added to any they already hold)."""
    collaboration = submission.call.collaboration
    _organiser(actor, collaboration)
    cleaned = clean_roles(roles)
    contributor = Contributor.objects.filter(
        collaboration=collaboration, user_id=submission.author_id
    ).first()
    if contributor is None:
        contributor = Contributor.objects.create(
            collaboration=collaboration, user_id=submission.author_id, roles=cleaned
        )
    else:
        contributor.roles = clean_roles(sorted({*contributor.roles, *cleaned}))
        contributor.save(update_fields=["roles"])
    submission.status = Submission.Status.ACCEPTED
    submission.decided_by = actor
    submission.save(update_fields=["status", "decided_by"])
    audit_record(
        actor=actor,
        action=ResearchAction.SUBMISSION_ACCEPTED,
        space=collaboration.space,
        subject=submission.author,
        content=collaboration,
    )
    return contributor


@transaction.atomic
def submission_decline(*, actor: User, submission: Submission, note: str) -> Submission:
    collaboration = submission.call.collaboration
    _organiser(actor, collaboration)
    submission.status = Submission.Status.DECLINED
    submission.note = note.strip()
    submission.decided_by = actor
    submission.save(update_fields=["status", "note", "decided_by"])
    audit_record(
        actor=actor,
        action=ResearchAction.SUBMISSION_DECLINED,
        space=collaboration.space,
        subject=submission.author,
        content=collaboration,
    )
    return submission
