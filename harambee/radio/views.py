from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from harambee.core.pdf import render_pdf
from harambee.inputs import to_id
from harambee.radio import audio, rules, selectors, services
from harambee.radio.feed import podcast_xml
from harambee.radio.forms import (
    BulletinForm,
    BulletinSettingsForm,
    CallInForm,
    ItemForm,
    RecordingForm,
    SegmentChangeForm,
    SegmentForm,
    StationForm,
)
from harambee.spaces.selectors import membership_for, space_get


def shows_tab(request, space) -> bool:
    membership = membership_for(request.user, space.pk)
    return membership is not None and membership.may("moderate")


def _managed_space(request, slug: str):
    """The space, for its facilitators: 404 for a space one may not know, 403 for
    one whose radio one does not keep."""
    space = space_get(user=request.user, slug=slug)
    if not rules.may_manage_radio(request.user, space):
        raise PermissionDenied
    return space


def _managed_station(request, slug: str):
    station = selectors.station_get(slug=slug)
    if not rules.may_manage_radio(request.user, station.space):
        raise PermissionDenied
    return station


def _form_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


# Public pages --------------------------------------------------------------------


def stations(request):
    return render(
        request,
        "radio/stations.html",
        {
            "stations": selectors.stations()[: selectors.LIST_MAX],
            "spaces": selectors.managed_spaces(user=request.user)
            if request.user.is_authenticated
            else [],
        },
    )


def station(request, slug: str):
    found = selectors.station_get(slug=slug)
    manager = rules.may_manage_radio(request.user, found.space)
    return render(
        request,
        "radio/station.html",
        {
            "station": found,
            "manager": manager,
            "show_space": selectors.shows_space(user=request.user, station=found),
            "bulletins": selectors.station_bulletins(user=request.user, station=found)[
                : selectors.LIST_MAX
            ],
            "next_air": selectors.next_air(station=found),
        },
    )


def podcast(request, slug: str):
    found = selectors.station_get(slug=slug)
    body = podcast_xml(found, selectors.podcast(station=found))
    return HttpResponse(body, content_type="application/rss+xml; charset=utf-8")


def bulletin(request, pk: int):
    found = selectors.bulletin_get(user=request.user, pk=pk)
    manager = rules.may_manage_radio(request.user, found.station.space)
    files = selectors.audio_list(bulletin=found)
    return render(
        request,
        "radio/bulletin.html",
        {
            "bulletin": found,
            "script": selectors.script(bulletin=found),
            "manager": manager,
            "audio": files[0] if files else None,
            "no_audio": audio.why_not(found.language),
        },
    )


def script_text(request, pk: int):
    found = selectors.bulletin_get(user=request.user, pk=pk)
    response = HttpResponse(
        selectors.script(bulletin=found).as_text(), content_type="text/plain; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="bulletin-{found.pk}.txt"'
    return response


def _script_page(request, found, *, for_pdf: bool) -> str:
    return render_to_string(
        "radio/script_print.html",
        {"bulletin": found, "script": selectors.script(bulletin=found), "for_pdf": for_pdf},
        request=request,
    )


def script_html(request, pk: int):
    found = selectors.bulletin_get(user=request.user, pk=pk)
    response = HttpResponse(_script_page(request, found, for_pdf=False))
    response["Content-Disposition"] = f'attachment; filename="bulletin-{found.pk}.html"'
    return response


def script_pdf(request, pk: int):
    found = selectors.bulletin_get(user=request.user, pk=pk)
    html = _script_page(request, found, for_pdf=True)
    # Nothing is fetched from anywhere (core/pdf.py): the one stylesheet is given.
    with open(finders.find("radio/script.css"), encoding="utf-8") as css:
        pdf = render_pdf(html, stylesheets=[css.read()])
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="bulletin-{found.pk}.pdf"'
    return response


def audio_file(request, pk: int, kind: str):
    found = selectors.audio_get(user=request.user, pk=pk)
    file = {"mp3": found.mp3, "ogg": found.ogg, "recording": found.recording}.get(kind)
    if not file:
        raise Http404
    mime = {"mp3": "audio/mpeg", "ogg": "audio/ogg"}.get(kind, found.mime)
    response = FileResponse(file.open("rb"), content_type=mime)
    response["Content-Disposition"] = f'attachment; filename="{file.name.rsplit("/", 1)[-1]}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


# Facilitators' pages -----------------------------------------------------------------


@login_required
def space_radio(request, slug: str):
    space = _managed_space(request, slug)
    return render(
        request,
        "radio/space.html",
        {"space": space, "stations": selectors.space_stations(space=space)[: selectors.LIST_MAX]},
    )


def _station_form_page(request, space, found=None):
    initial: dict[str, Any] = {"timezone_name": "UTC", "language": "en", "weekday": 4}
    if found is not None:
        initial = {
            "name": found.name,
            "slug": found.slug,
            "language": found.language,
            "country": found.country,
            "region": found.region,
            "frequency": found.frequency,
            "contact": found.contact,
            "weekday": found.weekday,
            "air_time": found.air_time,
            "timezone_name": found.timezone,
        }
    form = StationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.station_save(
                actor=request.user, space=space, station=found, **form.cleaned_data
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The station is saved."))
            return redirect("radio:station", slug=saved.slug)
    return render(
        request,
        "radio/station_form.html",
        {"space": space, "station": found, "form": form},
        status=422 if form.errors else 200,
    )


@login_required
def station_new(request, slug: str):
    return _station_form_page(request, _managed_space(request, slug))


@login_required
def station_edit(request, slug: str):
    found = _managed_station(request, slug)
    return _station_form_page(request, found.space, found)


@login_required
def bulletin_new(request, slug: str):
    found = _managed_station(request, slug)
    suggested = selectors.station_suggestions(station=found)
    form = BulletinForm(
        request.POST or None,
        suggestions=suggested,
        initial={"language": found.language, "words_per_minute": 140},
    )
    if request.method == "POST" and form.is_valid():
        chosen = {int(pk) for pk in form.cleaned_data["items"]}
        made = services.bulletin_create(
            actor=request.user,
            station=found,
            title=form.cleaned_data["title"],
            language=form.cleaned_data["language"],
            words_per_minute=form.cleaned_data["words_per_minute"],
            items=[item for item in suggested if item.pk in chosen],
        )
        messages.success(request, _("The bulletin is drafted. Shape it here."))
        return redirect("radio:builder", pk=made.pk)
    return render(
        request,
        "radio/bulletin_new.html",
        {"station": found, "form": form},
        status=422 if form.errors else 200,
    )


def _builder(request, found, **forms):
    context = {
        "bulletin": found,
        "station": found.station,
        "script": selectors.script(bulletin=found),
        "suggestions": selectors.suggestions(bulletin=found),
        "audio": selectors.audio_list(bulletin=found),
        "no_audio": audio.why_not(found.language),
        "callins": selectors.callins(bulletin=found)[:20],
        "sms_answers": selectors.sms_answers(bulletin=found),
        "settings_form": BulletinSettingsForm(
            initial={
                "title": found.title,
                "words_per_minute": found.words_per_minute,
                "status": found.status,
            }
        ),
        "segment_form": SegmentForm(initial={"kind": "host"}),
        "recording_form": RecordingForm(),
        "callin_form": CallInForm(),
        "item_form": ItemForm(),
    }
    context.update(forms)
    failed = any(f.errors for f in forms.values())
    return render(request, "radio/builder.html", context, status=422 if failed else 200)


@login_required
def builder(request, pk: int):
    found = selectors.bulletin_managed(user=request.user, pk=pk)
    if request.method != "POST":
        return _builder(request, found)
    form = BulletinSettingsForm(request.POST)
    if form.is_valid():
        try:
            services.bulletin_update(actor=request.user, bulletin=found, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The bulletin is saved."))
            return redirect("radio:builder", pk=found.pk)
    return _builder(request, found, settings_form=form)


@login_required
@require_POST
def segment_add(request, pk: int):
    found = selectors.bulletin_managed(user=request.user, pk=pk)
    if "item" in request.POST:
        form = ItemForm(request.POST)
        if form.is_valid():
            item = selectors.public_item(pk=form.cleaned_data["item"])
            try:
                services.segment_add(
                    actor=request.user,
                    bulletin=found,
                    kind="item",
                    speaker=_("Reader"),
                    item=item,
                )
            except ValidationError as error:
                _form_errors(form, error)
            else:
                messages.success(request, _("The item is added to the script."))
                return redirect(reverse("radio:builder", args=[found.pk]) + "#script")
        return _builder(request, found, item_form=form)
    form = SegmentForm(request.POST)
    if form.is_valid():
        try:
            services.segment_add(actor=request.user, bulletin=found, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The segment is added to the script."))
            return redirect(reverse("radio:builder", args=[found.pk]) + "#script")
    return _builder(request, found, segment_form=form)


@login_required
def segment_edit(request, pk: int, segment: int):
    found = selectors.bulletin_managed(user=request.user, pk=pk)
    row = selectors.segment_get(bulletin=found, pk=segment)
    back = reverse("radio:builder", args=[found.pk]) + "#script"
    if request.method == "POST" and request.POST.get("action") in {"up", "down"}:
        services.segment_move(actor=request.user, segment=row, up=request.POST["action"] == "up")
        return redirect(back)
    if request.method == "POST" and request.POST.get("action") == "remove":
        services.segment_remove(actor=request.user, segment=row)
        messages.success(request, _("The segment is taken out of the script."))
        return redirect(back)
    form = SegmentChangeForm(
        request.POST or None, initial={"speaker": row.speaker, "text": row.text}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.segment_change(actor=request.user, segment=row, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The segment is saved."))
            return redirect(back)
    return render(
        request,
        "radio/segment_form.html",
        {"bulletin": found, "segment": row, "form": form},
        status=422 if form.errors else 200,
    )


@login_required
@require_POST
def audio_make(request, pk: int):
    found = selectors.bulletin_managed(user=request.user, pk=pk)
    reason = services.audio_request(actor=request.user, bulletin=found)
    if reason:
        messages.error(request, reason)
    else:
        messages.success(
            request, _("The computer voice is speaking the script. Reload in a minute.")
        )
    return redirect(reverse("radio:builder", args=[found.pk]) + "#audio")


@login_required
@require_POST
def recording(request, pk: int):
    found = selectors.bulletin_managed(user=request.user, pk=pk)
    form = RecordingForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.recording_upload(
                actor=request.user, bulletin=found, upload=form.cleaned_data["recording"]
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The recording is kept with the bulletin."))
            return redirect(reverse("radio:builder", args=[found.pk]) + "#audio")
    return _builder(request, found, recording_form=form)


@login_required
@require_POST
def callins(request, pk: int):
    found = selectors.bulletin_managed(user=request.user, pk=pk)
    if "message" in request.POST:
        number = to_id(request.POST["message"])
        if number is None:
            raise Http404
        message = selectors.sms_answer(bulletin=found, pk=number)
        try:
            services.callin_from_sms(actor=request.user, bulletin=found, message=message)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The SMS is logged as a listener's answer."))
        return redirect(reverse("radio:builder", args=[found.pk]) + "#callins")
    form = CallInForm(request.POST)
    if form.is_valid():
        services.callin_log(actor=request.user, bulletin=found, **form.cleaned_data)
        messages.success(request, _("The call-in is logged."))
        return redirect(reverse("radio:builder", args=[found.pk]) + "#callins")
    return _builder(request, found, callin_form=form)
