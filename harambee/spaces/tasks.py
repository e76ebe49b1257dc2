"""Background work for spaces. Tasks take ids and send each message once."""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from harambee.core.email import send_templated
from harambee.people.roles import Perm
from harambee.spaces.models import Invitation, JoinRequest, Membership


@task()
def send_invitation(invitation_id: int) -> None:
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update(of=("self",))
            .select_related("space", "invited_by")
            .filter(pk=invitation_id, sent__isnull=True, used__isnull=True)
            .first()
        )
        if invitation is None:
            return
        link = reverse("spaces:invitation", args=[invitation.token])
        send_templated(
            to=invitation.email,
            template="spaces/email/invitation",
            context={"invitation": invitation, "link": link},
            language=invitation.invited_by.language_hint,
        )
        invitation.sent = timezone.now()
        invitation.save(update_fields=["sent"])


@task()
def tell_leads_of_request(request_id: int) -> None:
    with transaction.atomic():
        request = (
            JoinRequest.objects.select_for_update(of=("self",))
            .select_related("space", "user")
            .filter(pk=request_id, leads_told__isnull=True)
            .first()
        )
        if request is None:
            return
        deciders = [
            m.user
            for m in Membership.objects.active().filter(space=request.space).select_related("user")
            if m.may(Perm.DECIDE_REQUESTS) and m.user.is_active
        ]
        link = reverse("spaces:requests", args=[request.space.slug])
        for person in deciders:
            send_templated(
                to=person.email,
                template="spaces/email/join_request",
                context={"request": request, "link": link, "recipient": person},
                language=person.language_hint,
                time_zone=person.time_zone,
            )
        request.leads_told = timezone.now()
        request.save(update_fields=["leads_told"])


@task()
def tell_requester_of_decision(request_id: int) -> None:
    with transaction.atomic():
        request = (
            JoinRequest.objects.select_for_update(of=("self",))
            .select_related("space", "user")
            .filter(pk=request_id, requester_told__isnull=True)
            .exclude(status__in=[JoinRequest.Status.PENDING, JoinRequest.Status.WITHDRAWN])
            .first()
        )
        if request is None:
            return
        send_templated(
            to=request.user.email,
            template="spaces/email/join_decision",
            context={
                "request": request,
                "approved": request.status == JoinRequest.Status.APPROVED,
                "link": request.space.get_absolute_url(),
            },
            language=request.user.language_hint,
            time_zone=request.user.time_zone,
        )
        request.requester_told = timezone.now()
        request.save(update_fields=["requester_told"])
