"""Writes for training: atomic, checked against ``rules``, audited where a person's
standing changes (recognitions, certificates)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from harambee.core.models import Content, Visibility
from harambee.core.services import audit_record
from harambee.core.visibility import can_view, visible
from harambee.people.models import Organisation, User
from harambee.people.roles import Perm
from harambee.spaces.models import Space
from harambee.spaces.services import require_space_perm
from harambee.training import rules, selectors
from harambee.training.models import (
    Certificate,
    Cohort,
    Competency,
    Completion,
    Evidence,
    Framework,
    Item,
    Module,
    Placement,
    Programme,
    Recognition,
    Reflection,
    TrainingAction,
)


def _require_facilitator(user: User, programme: Programme) -> None:
    if not rules.may_facilitate(user, programme):
        raise PermissionDenied


def _require_learner(user: User, programme: Programme) -> None:
    if not rules.may_learn(user, programme):
        raise PermissionDenied


@transaction.atomic
def programme_create(
    *,
    actor: User,
    space: Space,
    title: str,
    summary: str = "",
    partner: Organisation | None = None,
    framework: Framework | None = None,
    placement: str = Programme.Placement.AUTO,
) -> Programme:
    require_space_perm(actor, space, Perm.EDIT_SPACE)
    if space.kind != Space.Type.PROGRAMME:
        raise ValidationError(_("A programme lives in a space of the training programme kind."))
    return Programme.objects.create(
        space=space,
        title=title.strip(),
        summary=summary,
        partner=partner,
        framework=framework,
        placement=placement,
    )


PROGRAMME_FIELDS = {"title", "summary", "partner", "framework", "placement"}


@transaction.atomic
def programme_update(*, actor: User, programme: Programme, **fields: Any) -> Programme:
    """Change a programme's description, partner, framework or how learners are placed.
    A new framework leaves recognitions and evidence of the old one as they were."""
    _require_facilitator(actor, programme)
    unknown = set(fields) - PROGRAMME_FIELDS
    if unknown:
        raise TypeError(f"programme_update() got unexpected fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(programme, name, value.strip() if name == "title" else value)
    programme.save()
    return programme


@transaction.atomic
def module_create(*, actor: User, programme: Programme, title: str, summary: str = "") -> Module:
    _require_facilitator(actor, programme)
    last = programme.modules.aggregate(m=Max("position"))["m"]
    return Module.objects.create(
        programme=programme,
        title=title.strip(),
        summary=summary,
        position=0 if last is None else last + 1,
    )


@transaction.atomic
def module_update(*, actor: User, module: Module, title: str, summary: str = "") -> Module:
    _require_facilitator(actor, module.programme)
    module.title, module.summary = title.strip(), summary
    module.save(update_fields=["title", "summary"])
    return module


@transaction.atomic
def module_remove(*, actor: User, module: Module) -> Programme:
    """Remove a module with its steps; their completions go with them, so progress is
    counted over the steps that remain."""
    programme = module.programme
    _require_facilitator(actor, programme)
    module.delete()
    return programme


def _check_dates(starts: date, ends: date) -> None:
    if ends < starts:
        raise ValidationError({"ends": _("A cohort cannot end before it starts.")})


@transaction.atomic
def cohort_create(
    *, actor: User, programme: Programme, name: str, starts: date, ends: date, open: bool = True
) -> Cohort:
    _require_facilitator(actor, programme)
    _check_dates(starts, ends)
    return Cohort.objects.create(
        programme=programme, name=name.strip(), starts=starts, ends=ends, open=open
    )


@transaction.atomic
def cohort_update(
    *, actor: User, cohort: Cohort, name: str, starts: date, ends: date, open: bool
) -> Cohort:
    _require_facilitator(actor, cohort.programme)
    _check_dates(starts, ends)
    cohort.name, cohort.starts, cohort.ends, cohort.open = name.strip(), starts, ends, open
    cohort.save()
    return cohort


@transaction.atomic
def learner_place(
    *, actor: User, programme: Programme, learner: User, cohort: Cohort | None
) -> Placement | None:
    """Put an enrolled learner in one of the programme's cohorts (moving them out of
    the one they were in), or in none. Audited."""
    _require_facilitator(actor, programme)
    if not rules.is_enrolled(learner, programme):
        raise ValidationError(_("Only an enrolled learner can be placed in a cohort."))
    if cohort is not None and cohort.programme_id != programme.pk:
        raise ValidationError({"cohort": _("That cohort is not in this programme.")})
    before = Placement.objects.filter(programme=programme, learner=learner).first()
    if cohort is None:
        placed = None
        if before is not None:
            before.delete()
    else:
        placed, _made = Placement.objects.update_or_create(
            programme=programme,
            learner=learner,
            defaults={"cohort": cohort, "placed_by": actor},
        )
    if (before.cohort_id if before else None) != (cohort.pk if cohort else None):
        audit_record(
            actor=actor,
            action=TrainingAction.LEARNER_PLACED,
            space=programme.space,
            subject=learner,
            cohort=cohort.name if cohort else "",
            before=before.cohort.name if before else "",
        )
    return placed


@transaction.atomic
def learner_enrolled(*, learner: User, space: Space) -> list[Placement]:
    """A learner who joined a programme's space (by its join policy: open, request,
    invitation or code) is placed, in each of its programmes that places learners
    itself, in the cohort that runs today or else the next to start, among those that
    take new learners. Where no cohort fits, or a lead places learners, they wait
    unplaced on the learners page. Facilitators are not placed; a learner placed
    before keeps their place. Idempotent (a task runs it)."""
    placed = []
    today = timezone.localdate()
    for programme in selectors.programmes_placing(space=space):
        if not rules.may_learn(learner, programme) or rules.may_facilitate(learner, programme):
            continue
        cohort = selectors.cohort_for_newcomers(programme=programme, today=today)
        if cohort is None:
            continue
        placement, made = Placement.objects.get_or_create(
            programme=programme, learner=learner, defaults={"cohort": cohort}
        )
        if made:
            placed.append(placement)
    return placed


@transaction.atomic
def item_add(
    *,
    actor: User,
    module: Module,
    kind: str,
    content: Content | None = None,
    title: str = "",
    instructions: str = "",
) -> Item:
    """Add a step at the end of ``module``. A linked item must be one the facilitator
    may read, of the kind the step names; learners still see it only if they may."""
    _require_facilitator(actor, module.programme)
    if kind in Item.LINKED:
        if content is None or not can_view(actor, content):
            raise ValidationError({"content": _("Choose an item you can see.")})
        if content.kind != selectors.CONTENT_KINDS[kind]:
            raise ValidationError({"content": _("That item is not of the kind chosen.")})
    else:
        content = None
    item = Item(
        module=module,
        kind=kind,
        content=content,
        title=title.strip(),
        instructions=instructions,
        position=(module.items.aggregate(m=Max("position"))["m"] or 0) + 1,
    )
    item.full_clean(exclude=["module", "content"])
    item.save()
    return item


@transaction.atomic
def item_update(
    *,
    actor: User,
    item: Item,
    kind: str,
    content: Content | None = None,
    title: str = "",
    instructions: str = "",
) -> Item:
    """Change a step. When it comes to point at something else (another kind, another
    item), what learners did of the old step no longer counts: its completions and
    reflection links go, and progress is counted again (never over 100 %)."""
    _require_facilitator(actor, item.module.programme)
    if kind in Item.LINKED:
        if content is None:
            raise ValidationError({"content": _("Choose an item you can see.")})
        if content.pk != item.content_id and not can_view(actor, content):
            raise ValidationError({"content": _("Choose an item you can see.")})
        if content.kind != selectors.CONTENT_KINDS[kind]:
            raise ValidationError({"content": _("That item is not of the kind chosen.")})
    else:
        content = None
    changed = kind != item.kind or (content.pk if content else None) != item.content_id
    item.kind, item.content = kind, content
    item.title, item.instructions = title.strip(), instructions
    item.full_clean(exclude=["module", "content"])
    item.save()
    if changed:
        Completion.objects.filter(item=item).delete()
        Reflection.objects.filter(item=item).delete()
    return item


@transaction.atomic
def item_remove(*, actor: User, item: Item) -> None:
    """Remove a step; its completions go with it, so progress is counted over the
    steps that remain."""
    _require_facilitator(actor, item.module.programme)
    item.delete()


@transaction.atomic
def item_mark(*, learner: User, item: Item, done: bool) -> None:
    _require_learner(learner, item.module.programme)
    if not done:
        Completion.objects.filter(item=item, learner=learner).delete()
        return
    if (
        item.content_id is not None
        and not visible(learner, Content.objects.filter(pk=item.content_id)).exists()
    ):
        raise ValidationError(_("You cannot open this item, so you cannot mark it done."))
    Completion.objects.get_or_create(item=item, learner=learner)


@transaction.atomic
def reflection_write(
    *, learner: User, item: Item, initiative: Any, title: str, learned: str
) -> Reflection:
    """Answer a reflection prompt with a learning note in one of the learner's
    initiatives, private to them (they may widen it, and make lessons of it, the
    usual way); the prompt counts as done."""
    from harambee.initiatives.services import note_create

    _require_learner(learner, item.module.programme)
    if item.kind != Item.Kind.REFLECTION:
        raise ValidationError(_("This step is not a reflection prompt."))
    if Reflection.objects.filter(item=item, learner=learner).exists():
        raise ValidationError(_("You have already answered this prompt."))
    note = note_create(
        author=learner,
        initiative=initiative,
        title=title,
        visibility=Visibility.PRIVATE,
        context=_("Reflection on “%(prompt)s” in %(programme)s.")
        % {"prompt": item.title, "programme": item.module.programme.title},
        learned=learned,
    )
    reflection = Reflection.objects.create(item=item, learner=learner, note=note)
    Completion.objects.get_or_create(item=item, learner=learner)
    return reflection


def _seen_by_a_facilitator(programme: Programme, content: Content) -> bool:
    return any(can_view(f, content) for f in selectors.facilitators(programme=programme))


@transaction.atomic
def evidence_add(
    *, learner: User, programme: Programme, competency: Competency, content: Content
) -> Evidence:
    """Offer an item as evidence of a competency. Evidence the programme's
    facilitators cannot read could not be reviewed, so it is refused."""
    _require_learner(learner, programme)
    if competency.framework_id != programme.framework_id:
        raise ValidationError({"competency": _("That competency is not in this programme.")})
    if not can_view(learner, content):
        raise ValidationError({"content": _("Choose an item you can see.")})
    if not _seen_by_a_facilitator(programme, content):
        raise ValidationError(
            {
                "content": _(
                    "The programme's facilitators cannot see this item, so it cannot count "
                    "as evidence. Share it more widely first (for example with the "
                    "alliance or the programme's space)."
                )
            }
        )
    try:
        with transaction.atomic():
            return Evidence.objects.create(
                programme=programme, competency=competency, learner=learner, content=content
            )
    except IntegrityError:
        raise ValidationError(_("That item is already evidence of this competency.")) from None


@transaction.atomic
def competency_recognise(
    *, reviewer: User, programme: Programme, learner: User, competency: Competency
) -> Recognition:
    """Recognise a competency: only on evidence the reviewer may read."""
    _require_facilitator(reviewer, programme)
    offered = Evidence.objects.filter(
        programme=programme, learner=learner, competency=competency
    ).values("content_id")
    if not visible(reviewer, Content.objects.filter(pk__in=offered)).exists():
        raise ValidationError(
            _(
                "There is no evidence you can see for this competency yet, so it cannot be "
                "recognised."
            )
        )
    recognition, made = Recognition.objects.get_or_create(
        programme=programme,
        competency=competency,
        learner=learner,
        defaults={"reviewer": reviewer},
    )
    if made:
        audit_record(
            actor=reviewer,
            action=TrainingAction.COMPETENCY_RECOGNISED,
            space=programme.space,
            subject=learner,
            competency=competency.name,
        )
    return recognition


@transaction.atomic
def certificate_issue(*, actor: User, programme: Programme, learner: User) -> Certificate:
    """A certificate for a learner who finished every step of the programme."""
    _require_facilitator(actor, programme)
    if not rules.is_enrolled(learner, programme):
        raise ValidationError(_("Only an enrolled learner can be given a certificate."))
    if selectors.progress_of(learner=learner, programme=programme) < 100:
        raise ValidationError(_("The learner has not finished every step of the programme yet."))
    if programme.certificates.filter(holder=learner, revoked__isnull=True).exists():
        raise ValidationError(_("The learner already holds a valid certificate."))
    certificate = Certificate.objects.create(
        programme=programme,
        holder=learner,
        holder_name=learner.display_name or learner.email.split("@")[0],
        programme_title=programme.title,
        partner_name=programme.partner.name if programme.partner else "",
        issued_by=actor,
    )
    audit_record(
        actor=actor,
        action=TrainingAction.CERTIFICATE_ISSUED,
        space=programme.space,
        subject=learner,
    )
    return certificate


@transaction.atomic
def certificate_revoke(*, actor: User, certificate: Certificate, reason: str) -> Certificate:
    _require_facilitator(actor, certificate.programme)
    if certificate.revoked is not None:
        raise ValidationError(_("This certificate is already revoked."))
    certificate.revoked = timezone.now()
    certificate.revoked_reason = reason.strip()
    certificate.save(update_fields=["revoked", "revoked_reason"])
    audit_record(
        actor=actor,
        action=TrainingAction.CERTIFICATE_REVOKED,
        space=certificate.programme.space,
        subject=certificate.holder,
        reason=certificate.revoked_reason,
    )
    return certificate
