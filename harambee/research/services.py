"""Writes for research collaborations, their plan, links, calls and submissions.
Each is atomic; accepting or declining a submission is in the audit log."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import TextChoices
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from harambee.core.models import Content, Visibility
from harambee.core.services import audit_record, audit_visibility_change
from harambee.core.visibility import can_see_space, can_view
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

ContentT = TypeVar("ContentT", Collaboration, Call, Output)


class ResearchAction(TextChoices):
    SUBMISSION_ACCEPTED = "research_accepted", gettext_lazy("accepted a research submission")
    SUBMISSION_DECLINED = "research_declined", gettext_lazy("declined a research submission")
    ROLES_SET = "research_roles_set", gettext_lazy("set a contributor's CRediT roles")
    CONTRIBUTOR_REMOVED = (
        "research_contributor_removed",
        gettext_lazy("removed a research contributor"),
    )


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


def _locked(item: ContentT, fields: dict[str, Any], allowed: set[str]) -> ContentT:
    """``item`` read again under lock, for an update of only ``allowed`` fields."""
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"unexpected fields for {type(item).__name__}: {sorted(unknown)}")
    return type(item).objects.select_for_update().get(pk=item.pk)


def _save(actor: User, locked: ContentT, fields: dict[str, Any]) -> ContentT:
    """Write ``fields`` (the title trimmed) and audit a change of who can see it."""
    before = locked.visibility
    for name, value in fields.items():
        setattr(locked, name, value.strip() if name == "title" else value)
    locked.save()
    audit_visibility_change(actor=actor, content=locked, before=before)
    return locked


@transaction.atomic
def collaboration_update(
    *,
    actor: User,
    collaboration: Collaboration,
    initiatives: list[Space] | None = None,
    coauthors: list[User] | None = None,
    **fields: Any,
) -> Collaboration:
    """Change the question, agenda, methods, visibility or linked initiatives. Only the
    author names the coordinators (as for stories); initiatives the editor may not
    know stay linked if they were, and none are added blind. A change of who can see
    it is in the audit log."""
    _organiser(actor, collaboration)
    locked = _locked(collaboration, fields, {"title", "body", "methods", "visibility"})
    _save(actor, locked, fields)
    if initiatives is not None:
        kept = [s for s in locked.initiatives.all() if not can_see_space(actor, s)]
        chosen = [s for s in initiatives if s.kind == Space.Type.INITIATIVE]
        locked.initiatives.set([*kept, *chosen])
    if coauthors is not None and actor.pk == locked.author_id:
        locked.coauthors.set([c for c in coauthors if c.pk != locked.author_id])
    return locked


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
    audit_record(
        actor=actor,
        action=ResearchAction.ROLES_SET,
        space=collaboration.space,
        subject=user,
        content=collaboration,
        roles=cleaned,
    )
    return contributor


@transaction.atomic
def contributor_remove(*, actor: User, contributor: Contributor) -> None:
    collaboration = contributor.collaboration
    _organiser(actor, collaboration)
    audit_record(
        actor=actor,
        action=ResearchAction.CONTRIBUTOR_REMOVED,
        space=collaboration.space,
        subject=contributor.user,
        content=collaboration,
    )
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
def output_update(*, actor: User, output: Output, **fields: Any) -> Output:
    """Change an output's title, text or visibility (the change of who can see it is
    audited)."""
    _organiser(actor, output.collaboration)
    return _save(actor, _locked(output, fields, {"title", "body", "visibility"}), fields)


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


@transaction.atomic
def call_update(*, actor: User, call: Call, **fields: Any) -> Call:
    """Change a call: its text, deadline (extended or brought forward) or visibility.
    Its questions are fixed once someone has answered them, since answers are kept in
    the order of the questions."""
    _organiser(actor, call.collaboration)
    locked = _locked(call, fields, {"title", "body", "questions", "deadline", "visibility"})
    questions = fields.get("questions", locked.questions)
    if questions != locked.questions and locked.submissions.exists():
        raise ValidationError(
            {
                "questions": _(
                    "Some people have already answered these questions, so they cannot "
                    "change now. Open another call to ask new ones."
                )
            },
            code="answered",
        )
    return _save(actor, locked, fields)


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
