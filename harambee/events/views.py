from __future__ import annotations

from datetime import date, datetime, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from harambee.core.http import paginate
from harambee.core.selectors import conversation
from harambee.core.visibility import is_reader
from harambee.events import ical, rules, selectors, services
from harambee.events.forms import (
    CheckInForm,
    EventForm,
    GuestForm,
    OutputForm,
    RegistrationForm,
    SessionForm,
)
from harambee.events.models import EVENT_LANGUAGES, Event
from harambee.events.rooms import RoomUnavailable, bbb
from harambee.events.rooms import join_url as room_join_url
from harambee.people.regions import REGIONS
from harambee.spaces.selectors import coauthor_choices, space_get

# Feeds carry events from this long ago onwards, and at most this many.
FEED_PAST = timedelta(days=90)
FEED_LIMIT = 500


def _month_asked(request) -> date:
    today = timezone.localdate()
    raw = request.GET.get("month", "")
    try:
        year, month_no = (int(part) for part in raw.split("-", 1))
        if 1900 <= year <= 2100 and 1 <= month_no <= 12:
            return date(year, month_no, 1)
    except ValueError:
        pass
    return today.replace(day=1)


def calendar(request, slug: str | None = None):
    """The alliance's calendar, or a space's: a list of what is coming (or past), or a
    month's grid (``?view=month&month=2027-03``); both filtered the same way."""
    space = space_get(user=request.user, slug=slug) if slug else None
    filters = selectors.Filters.from_query(request.GET)
    view = request.GET.get("view", "list")
    context = {
        "space": space,
        "filters": filters,
        "kinds": Event.Kind.choices,
        "languages": EVENT_LANGUAGES,
        "regions": list(REGIONS.items()),
        "view": view if view in ("list", "month", "past") else "list",
        "may_create": rules.may_create_event(request.user, space),
    }
    if context["view"] == "month":
        first = _month_asked(request)
        context["month"] = selectors.month(
            user=request.user,
            year=first.year,
            month_no=first.month,
            space=space,
            filters=filters,
        )
    elif context["view"] == "past":
        context["page"] = paginate(
            request, selectors.past(user=request.user, space=space, filters=filters)
        )
    else:
        context["page"] = paginate(
            request, selectors.upcoming(user=request.user, space=space, filters=filters)
        )
    return render(request, "events/calendar.html", context)


@login_required
def mine(request):
    return render(
        request,
        "events/mine.html",
        {
            "page": paginate(request, selectors.mine(user=request.user)),
            "token": selectors.calendar_token(user=request.user),
        },
    )


def _form_errors(form, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.message_dict.items():
        form.add_error(name if name in form.fields else None, errors)


@login_required
def event_create(request, slug: str | None = None):
    space = space_get(user=request.user, slug=slug) if slug else None
    if not rules.may_create_event(request.user, space):
        raise PermissionDenied
    form = EventForm(
        request.POST or None,
        people=coauthor_choices(user=request.user, space=space),
        in_space=space is not None,
        default_zone=getattr(request.user, "time_zone", "UTC") or "UTC",
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            event = services.event_create(
                actor=request.user,
                space=space,
                languages=data.pop("languages"),
                organisers=list(data.pop("organisers")),
                **data,
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The event is saved."))
            return redirect(event)
    return render(
        request,
        "events/event_form.html",
        {"form": form, "space": space, "event": None},
        status=422 if form.errors else 200,
    )


@login_required
def event_edit(request, pk: int):
    event = selectors.event_get(user=request.user, pk=pk)
    if not rules.is_organiser(request.user, event) or event.cancelled is not None:
        raise PermissionDenied
    form = EventForm(
        request.POST or None,
        instance=selectors.event_get(user=request.user, pk=pk),
        people=coauthor_choices(user=request.user, space=event.space),
        in_space=event.space_id is not None,
    )
    if request.method == "GET":
        form.initial["organisers"] = list(event.organisers.all())
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.event_update(
                actor=request.user,
                event=event,
                languages=data.pop("languages"),
                organisers=list(data.pop("organisers")),
                **data,
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect(event)
    return render(
        request,
        "events/event_form.html",
        {"form": form, "space": event.shown_space, "event": event},
        status=422 if form.errors else 200,
    )


@require_POST
@login_required
def event_cancel(request, pk: int):
    event = selectors.event_get(user=request.user, pk=pk)
    services.event_cancel(actor=request.user, event=event)
    messages.success(request, _("The event is cancelled. Everyone registered will be told."))
    return redirect(event)


def render_event(request, pk: int, *, comment_form=None, registration_form=None, status: int = 200):
    event = selectors.event_get(user=request.user, pk=pk)
    user = request.user
    registration = selectors.registration_for(user=user, event=event)
    # Read before asking whether the reader is one of them: one query for both.
    organisers = selectors.organisers(event=event)
    organiser = rules.is_organiser(user, event)
    may_register = rules.may_register(user, event)
    active = registration is not None and registration.is_active
    response = render(
        request,
        "events/event.html",
        {
            "event": event,
            "organisers": organisers,
            "sessions": selectors.agenda(event=event),
            "registration": registration if active else None,
            "waitlist_position": selectors.waitlist_position(registration=registration)
            if active
            else None,
            "may_register": may_register and not active,
            "registration_form": registration_form
            or (RegistrationForm(event=event) if may_register and not active else None),
            "is_organiser": organiser,
            "may_join": rules.may_join(user, event, registration if active else None),
            "join_opens": event.starts - rules.JOIN_OPENS_BEFORE,
            "outputs": selectors.outputs(user=user, event=event),
            "signed_in": is_reader(user),
            **conversation(request, event, comment_form),
        },
        status=status,
    )
    if rules.changes_with_the_clock(event):
        # Its join link appears or goes by time alone, which no write announces: the
        # anonymous page cache must not keep an old copy.
        response["Cache-Control"] = "private, no-store"
    return response


def event_detail(request, pk: int):
    return render_event(request, pk)


@require_POST
@login_required
def register(request, pk: int):
    event = selectors.event_get(user=request.user, pk=pk)
    if not rules.may_register(request.user, event):
        messages.error(request, _("Registration for this event is closed."))
        return redirect(event)
    form = RegistrationForm(request.POST, event=event)
    if not form.is_valid():
        return render_event(request, pk, registration_form=form, status=422)
    registration = services.registration_create(event=event, user=request.user, **form.cleaned_data)
    text = {
        "confirmed": _("You are registered. Your code for the door is %(code)s."),
        "pending": _("Your registration waits for the organisers' approval."),
        "waitlisted": _("The event is full: you are on the waiting list."),
    }[registration.status]
    messages.success(request, text % {"code": registration.code} if "%(" in text else text)
    return redirect(event)


@require_POST
@login_required
def registration_cancel(request, pk: int, reg_pk: int):
    event = selectors.event_get(user=request.user, pk=pk)
    registration = selectors.registration_get(user=request.user, event=event, pk=reg_pk)
    services.registration_cancel(actor=request.user, registration=registration)
    if registration.user_id == request.user.pk:
        messages.success(request, _("Your registration is cancelled."))
        return redirect(event)
    messages.success(request, _("The registration is cancelled."))
    return redirect("events:attendance", pk=event.pk)


@require_POST
@login_required
def registration_reminders(request, pk: int, reg_pk: int):
    event = selectors.event_get(user=request.user, pk=pk)
    registration = selectors.registration_get(user=request.user, event=event, pk=reg_pk)
    if registration.user_id != request.user.pk:
        raise Http404
    on = request.POST.get("reminders") == "on"
    services.registration_reminders(actor=request.user, registration=registration, on=on)
    if on:
        messages.success(request, _("You will be reminded by e-mail a day and an hour before."))
    else:
        messages.success(request, _("No more reminders by e-mail for this event."))
    return redirect(event)


@require_POST
@login_required
def registration_approve(request, pk: int, reg_pk: int):
    event = selectors.event_get(user=request.user, pk=pk)
    if not rules.is_organiser(request.user, event):
        raise PermissionDenied
    registration = selectors.registration_get(user=request.user, event=event, pk=reg_pk)
    services.registration_approve(actor=request.user, registration=registration)
    messages.success(request, _("The registration is approved."))
    return redirect("events:attendance", pk=event.pk)


def _organiser_event(request, pk: int) -> Event:
    event = selectors.event_get(user=request.user, pk=pk)
    if not rules.is_organiser(request.user, event):
        raise PermissionDenied
    return event


@login_required
def attendance(
    request,
    pk: int,
    *,
    check_in_form=None,
    output_form=None,
    guest_form=None,
    status: int = 200,
):
    """The organisers' page: who registered, check-in at the door, outputs and the
    closing report."""
    event = _organiser_event(request, pk)
    recordings, recordings_problem = [], ""
    if event.room == Event.Room.BBB and event.starts <= timezone.now():
        try:
            recordings = bbb.recordings(event)
        except RoomUnavailable as problem:
            recordings_problem = str(problem)
    return render(
        request,
        "events/attendance.html",
        {
            "recordings": recordings,
            "recordings_problem": recordings_problem,
            "event": event,
            "registrations": selectors.attendance(event=event),
            "check_in_form": check_in_form or CheckInForm(),
            "output_form": output_form or OutputForm(),
            "outputs": selectors.outputs(user=request.user, event=event),
            "report": selectors.closing_report(event=event),
            "guest_form": guest_form or GuestForm(),
            "guests": selectors.guests(event=event),
        },
        status=status,
    )


@require_POST
@login_required
def check_in(request, pk: int):
    event = _organiser_event(request, pk)
    form = CheckInForm(request.POST)
    if form.is_valid():
        try:
            registration = services.registration_check_in(
                actor=request.user, event=event, code=form.cleaned_data["code"]
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(
                request,
                _("%(name)s is checked in.") % {"name": registration.user.display_name},
            )
            return redirect("events:attendance", pk=event.pk)
    return attendance(request, pk, check_in_form=form, status=422)


@require_POST
@login_required
def output_add(request, pk: int):
    event = _organiser_event(request, pk)
    form = OutputForm(request.POST)
    if form.is_valid():
        item = selectors.output_candidate(user=request.user, pk=form.cleaned_data["item"])
        try:
            if item is None:
                raise ValidationError({"item": _("That item cannot be found.")})
            services.output_add(actor=request.user, event=event, item=item)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The item is linked to the event."))
            return redirect("events:attendance", pk=event.pk)
    return attendance(request, pk, output_form=form, status=422)


@require_POST
@login_required
def output_remove(request, pk: int, output_pk: int):
    event = _organiser_event(request, pk)
    output = selectors.output_get(event=event, pk=output_pk)
    services.output_remove(actor=request.user, output=output)
    messages.success(request, _("The link is removed."))
    return redirect("events:attendance", pk=event.pk)


@login_required
def session_add(request, pk: int):
    event = _organiser_event(request, pk)
    form = SessionForm(
        request.POST or None,
        event=event,
        people=coauthor_choices(user=request.user, space=event.space),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.session_add(
                actor=request.user,
                event=event,
                speakers=list(form.cleaned_data.pop("speakers")),
                **form.cleaned_data,
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The session is on the agenda."))
            return redirect(event)
    return render(
        request,
        "events/session_form.html",
        {"form": form, "event": event},
        status=422 if form.errors else 200,
    )


@require_POST
@login_required
def session_remove(request, pk: int, session_pk: int):
    event = _organiser_event(request, pk)
    session = selectors.session_get(event=event, pk=session_pk)
    services.session_remove(actor=request.user, session=session)
    messages.success(request, _("The session is removed from the agenda."))
    return redirect(event)


def join(request, pk: int):
    """The door to the online room: checked when used, so a token made here is fresh."""
    event = selectors.event_get(user=request.user, pk=pk)
    registration = selectors.registration_for(user=request.user, event=event)
    if not rules.may_join(request.user, event, registration):
        raise Http404
    try:
        url = room_join_url(event, request.user, moderator=rules.is_organiser(request.user, event))
    except RoomUnavailable as problem:
        messages.error(request, str(problem))
        return redirect(event)
    response = redirect(url)
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@login_required
def end_meeting(request, pk: int):
    """An organiser ends the BigBlueButton meeting for everyone in it."""
    event = selectors.event_get(user=request.user, pk=pk)
    if not rules.is_organiser(request.user, event) or event.room != Event.Room.BBB:
        raise Http404
    try:
        ended = bbb.end(event)
    except RoomUnavailable as problem:
        messages.error(request, str(problem))
    else:
        if ended:
            messages.success(request, _("The meeting has ended for everyone in it."))
        else:
            messages.info(request, _("The meeting was not running."))
    return redirect(event)


def _ics(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def event_ics(request, pk: int):
    event = selectors.event_get(user=request.user, pk=pk)
    return _ics(ical.calendar([event], name=event.title), f"event-{event.pk}.ics")


def _window(qs):
    return list(qs.filter(ends__gte=timezone.now() - FEED_PAST)[:FEED_LIMIT])


def public_feed(request):
    events = _window(selectors.public_feed())
    return _ics(ical.calendar(events, name=_("Public events")), "events.ics")


def space_feed(request, slug: str):
    space = space_get(user=request.user, slug=slug)
    qs = selectors.upcoming(user=request.user, space=space)
    events = _window(selectors.past(user=request.user, space=space)) + list(qs[:FEED_LIMIT])
    return _ics(ical.calendar(events, name=space.name), f"{space.slug}.ics")


def private_feed(request, token: str):
    """A person's own events, for a calendar app that cannot sign in: the token is the
    key, and each event is checked against the gate for its owner now."""
    owner = selectors.token_owner(token=token)
    events = _window(selectors.mine(user=owner))
    response = _ics(ical.calendar(events, name=_("My events")), "my-events.ics")
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@login_required
def token_renew(request):
    services.calendar_token_renew(user=request.user)
    messages.success(request, _("Your private calendar address is new; the old one stops working."))
    return redirect("events:mine")


@require_POST
@login_required
def token_revoke(request):
    services.calendar_token_revoke(user=request.user)
    messages.success(request, _("Your private calendar address no longer works."))
    return redirect("events:mine")


@require_POST
@login_required
def guest_invite(request, pk: int):
    event = _organiser_event(request, pk)
    form = GuestForm(request.POST)
    if form.is_valid():
        zone = timezone.get_current_timezone()
        until = form.cleaned_data["until"]
        expires = timezone.make_aware(
            datetime.combine(until, datetime.max.time().replace(microsecond=0)), zone
        )
        try:
            services.guest_invite(
                actor=request.user, event=event, email=form.cleaned_data["email"], expires=expires
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                error = ValidationError({"until": error.message_dict.get("expires", [])})
            _form_errors(form, error)
        else:
            messages.success(request, _("The invitation is on its way."))
            return redirect("events:attendance", pk=event.pk)
    return attendance(request, pk, guest_form=form, status=422)


@require_POST
@login_required
def guest_end(request, pk: int, guest_pk: int):
    event = _organiser_event(request, pk)
    guest = selectors.guest_get(event=event, pk=guest_pk)
    services.guest_end(actor=request.user, guest=guest)
    messages.success(request, _("The guest's access has ended."))
    return redirect("events:attendance", pk=event.pk)


def guest(request, token: str):
    """The link in a guest's invitation: sign in (or sign up), then accept."""
    problem = None
    if request.user.is_authenticated and request.method == "POST":
        try:
            accepted = services.guest_accept(token=token, user=request.user)
        except services.InvitationProblem as refusal:
            problem = str(refusal)
        else:
            messages.success(request, _("Welcome. You can now see this event."))
            return redirect(accepted.event)
    invitation = selectors.guest_invitation(token=token)
    if problem is None and invitation is None:
        problem = _(
            "This invitation link is not valid. Check that it was copied whole, "
            "or ask the organisers for a new one."
        )
    elif problem is None and not invitation.is_active:
        problem = _("This invitation has ended. Ask the organisers if you still need access.")
    response = render(
        request,
        "events/guest.html",
        {"problem": problem, "invitation": None if problem else invitation},
        status=410 if problem and invitation is not None else (404 if problem else 200),
    )
    response["Cache-Control"] = "private, no-store"
    return response
