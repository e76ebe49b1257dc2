"""What it takes to write each kind through the API: the request bodies.

They keep what the site's forms keep (``harambee.inputs``: no control, direction or
invisible characters; the same lengths and choices) and say, for the OpenAPI
document, what each field means. What only the database can tell (a title already
taken, a start in the past, who may publish) is the services' to refuse: 422
(``api/errors.py``). A body for a change (PATCH) names only what changes."""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import RegexValidator, URLValidator
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from rest_framework import serializers

from harambee.api.errors import refusal
from harambee.core.models import Visibility
from harambee.events.models import Event
from harambee.initiatives.models import NOTE_SECTIONS, Initiative, Lesson
from harambee.inputs import BODY_MAX, clean_body, clean_line
from harambee.library.models import EARLIEST_YEAR, LATEST_YEAR, RESOURCE_LANGUAGES, Resource
from harambee.spaces.models import Space
from harambee.stories.models import AUDIENCES
from harambee.wiki.models import WikiPage

MAX_ID = 2**63 - 1
SECTIONS = [name for name, _label in NOTE_SECTIONS]
# What a note must say at least one of (as on the site's form).
NOTE_CORE = ("tried", "happened", "learned")
# Halves of a UTF-16 pair on their own: JSON may carry them (``"\ud800"``), no database
# can store them.
_SURROGATES = re.compile("[\ud800-\udfff]")

VISIBILITY_HELP = _(
    "Who may read it: public (everyone), alliance (signed-in members), space (the "
    "space's members) or private (its authors)."
)
SPACE_HELP = _(
    "The slug of the space it belongs in; none (null or left out) for the alliance's own."
)


class Line(serializers.CharField):
    """One line of text as the site's forms keep it: no control, direction or invisible
    characters; a text with nothing else is refused as blank (422)."""

    def to_internal_value(self, data: Any) -> str:
        value = clean_line(_SURROGATES.sub("", super().to_internal_value(data))).strip()
        if not value and not self.allow_blank:
            raise refusal(self.error_messages["blank"])
        return value


class Body(serializers.CharField):
    """Markdown text as the site's forms keep it: new lines stay, control characters go."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", BODY_MAX)
        kwargs.setdefault("allow_blank", True)
        kwargs.setdefault("default", "")
        kwargs.setdefault("trim_whitespace", False)
        kwargs.setdefault("help_text", _("Markdown."))
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> str:
        value = clean_body(_SURROGATES.sub("", super().to_internal_value(data)))
        if not value.strip() and not self.allow_blank:
            raise refusal(self.error_messages["blank"])
        return value


class Link(serializers.URLField):
    """A web address as the site keeps it (http, https, ftp); one that fits the
    document's ``uri`` but not the site's rule is refused (422)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.validators = [v for v in self.validators if not isinstance(v, URLValidator)]

    def to_internal_value(self, data: Any) -> str:
        value = clean_line(_SURROGATES.sub("", super().to_internal_value(data))).strip()
        if value:
            try:
                URLValidator()(value)
            except DjangoValidationError:
                raise refusal(_("Enter a valid web address (http or https).")) from None
        return value


class Country(serializers.CharField):
    """A country by its ISO 3166 code (``GH``); a code no country has is refused (422)."""

    default_error_messages = {"code": _("Give a country's two-letter code, such as GH.")}

    def __init__(self, **kwargs: Any) -> None:
        blank = kwargs.get("allow_blank", False)
        kwargs.setdefault("max_length", 2)
        # For the document: the pattern is checked below, before anything else.
        pattern = r"^([A-Za-z]{2})?$" if blank else r"^[A-Za-z]{2}$"
        kwargs.setdefault("validators", [RegexValidator(pattern)])
        kwargs.setdefault("help_text", _("An ISO 3166 country code, such as GH."))
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> str:
        value = super().to_internal_value(data)
        if not re.fullmatch(r"[A-Za-z]{2}", value):
            self.fail("code")  # does not fit the document: 400
        value = value.upper()
        if value not in countries:
            raise refusal(_("No country has the code %(code)s.") % {"code": value})
        return value


class Moment(serializers.DateTimeField):
    """A date and time with its offset (RFC 3339: ``2026-05-04T09:00:00+02:00``)."""

    default_error_messages = {"naive": _("Give the time with its offset, such as Z or +02:00.")}

    def to_internal_value(self, value: Any) -> Any:
        try:
            moment = super().to_internal_value(value)
        except serializers.ValidationError as error:
            if "overflow" in {getattr(d, "code", "") for d in error.detail}:
                # Fits the document's date-time, but not the calendar in UTC.
                raise refusal(_("That time is out of range.")) from None
            raise
        if isinstance(value, str) and not re.search(r"(?:[zZ]|[+-]\d\d:?\d\d)$", value):
            self.fail("naive")
        return moment


def visibility(**kwargs: Any) -> serializers.ChoiceField:
    kwargs.setdefault("choices", Visibility.choices)
    kwargs.setdefault("help_text", VISIBILITY_HELP)
    return serializers.ChoiceField(**kwargs)


def space_slug(**kwargs: Any) -> serializers.SlugField:
    kwargs.setdefault("help_text", SPACE_HELP)
    return serializers.SlugField(
        max_length=80, required=False, allow_null=True, default=None, **kwargs
    )


def an_id(**kwargs: Any) -> serializers.IntegerField:
    return serializers.IntegerField(min_value=1, max_value=MAX_ID, **kwargs)


# Spaces and initiatives ------------------------------------------------------------


class SpaceIn(serializers.Serializer):
    name = Line(max_length=160)
    kind = serializers.ChoiceField(choices=Space.Type.choices)
    description = Body()
    listing = serializers.ChoiceField(
        choices=Space.Listing.choices,
        default=Space.Listing.MEMBERS,
        help_text=_("Who can find it: public, members (of the alliance) or secret."),
    )
    join_policy = serializers.ChoiceField(
        choices=Space.JoinPolicy.choices,
        default=Space.JoinPolicy.REQUEST,
        help_text=_("How people join: open, request, invitation or code."),
    )
    invite_code = Line(
        max_length=64,
        allow_blank=True,
        default="",
        help_text=_("The code that lets people join a space joined by code (made if empty)."),
    )


class InitiativeEdit(serializers.Serializer):
    summary = Line(max_length=300, allow_blank=True)
    countries = serializers.ListField(child=Country(), max_length=60)
    place = Line(max_length=200, allow_blank=True)
    issue_areas = Line(max_length=300, allow_blank=True, help_text=_("Comma-separated."))
    stage = serializers.ChoiceField(choices=Initiative.Stage.choices)
    started = serializers.DateField(allow_null=True)
    ended = serializers.DateField(allow_null=True)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        started = attrs.get("started", getattr(self.instance, "started", None))
        ended = attrs.get("ended", getattr(self.instance, "ended", None))
        if started and ended and ended < started:
            raise refusal({"ended": [_("The end cannot come before the start.")]})
        return attrs


# Threads and comments --------------------------------------------------------------


class ThreadIn(serializers.Serializer):
    space = space_slug()
    title = Line(max_length=200)
    body = Body()
    visibility = visibility(
        help_text=_(
            "Who may read it: public, alliance, space (its members) or private (a draft); "
            "in the alliance forum not space."
        )
    )
    is_question = serializers.BooleanField(default=False)


class ThreadEdit(serializers.Serializer):
    title = Line(max_length=200, help_text=_("Its author's."))
    body = Body(help_text=_("Markdown. Its author's."))
    visibility = visibility(help_text=_("Who may read it (its author's); see ThreadIn."))
    is_question = serializers.BooleanField(help_text=_("Its author's."))
    pinned = serializers.BooleanField(help_text=_("Listed first: the thread's moderators'."))
    locked = serializers.BooleanField(help_text=_("Takes no replies: the thread's moderators'."))


class CommentIn(serializers.Serializer):
    body = Body(max_length=10_000, allow_blank=False, default=serializers.empty)
    parent = an_id(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("The comment this one answers (replies hang under the first comment)."),
    )


# Initiatives' learning ------------------------------------------------------------


class NoteIn(serializers.Serializer):
    initiative = serializers.SlugField(max_length=80, help_text=_("The initiative's slug."))
    title = Line(max_length=200)
    visibility = visibility()
    context = Body()
    tried = Body()
    happened = Body()
    learned = Body()
    evidence = Body()
    methods = Body()
    questions = Body()

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        def said(name: str) -> str:
            return attrs.get(name, getattr(self.instance, name, "")) or ""

        if not any(said(name).strip() for name in NOTE_CORE):
            raise refusal(
                {
                    "non_field_errors": [
                        _("Write at least what was tried, what happened or what was learned.")
                    ]
                }
            )
        return attrs


class NoteEdit(NoteIn):
    initiative = None  # type: ignore[assignment]
    summary = Line(
        max_length=200,
        allow_blank=True,
        default="",
        help_text=_("A few words for the note's history."),
    )


class LessonIn(serializers.Serializer):
    note = an_id(help_text=_("The learning note it is drawn from (one you may edit)."))
    title = Line(max_length=200, help_text=_("The lesson, in one sentence."))
    body = Body()
    strength = serializers.ChoiceField(choices=Lesson.Strength.choices)
    visibility = visibility(help_text=_("No wider than its note's."))


class LessonEdit(LessonIn):
    note = None  # type: ignore[assignment]


# Stories ---------------------------------------------------------------------------


class StoryIn(serializers.Serializer):
    space = space_slug()
    title = Line(max_length=200)
    body = Body(allow_blank=False, default=serializers.empty)
    audience = serializers.ChoiceField(
        choices=AUDIENCES,
        default=Visibility.ALLIANCE,
        help_text=_(
            "Who reads it once published: public, alliance or space (outside a space: "
            "alliance). Until then it is a private draft."
        ),
    )


class StoryEdit(StoryIn):
    space = None  # type: ignore[assignment]


# Wiki ------------------------------------------------------------------------------


class WikiPageIn(serializers.Serializer):
    space = space_slug(
        help_text=_("The slug of the space whose wiki it is in; none: the alliance wiki.")
    )
    title = Line(max_length=200)
    body = Body()
    category = serializers.ChoiceField(choices=WikiPage.Category.choices)
    visibility = visibility(help_text=_("In the alliance wiki: public, alliance or private."))
    summary = Line(max_length=200, allow_blank=True, default="")


class WikiEditIn(serializers.Serializer):
    base_revision = serializers.IntegerField(
        min_value=0,
        max_value=MAX_ID,
        help_text=_("The revision the new text was written from (the page's revision)."),
    )
    body = Body(
        default=serializers.empty,
        required=False,
        help_text=_("The whole new text (Markdown); left out, the text stays."),
    )
    title = Line(max_length=200, required=False, help_text=_("A new title: renames the page."))
    summary = Line(max_length=200, allow_blank=True, default="")
    category = serializers.ChoiceField(choices=WikiPage.Category.choices, required=False)
    visibility = visibility(required=False)


# Library ---------------------------------------------------------------------------


class ResourceIn(serializers.Serializer):
    space = space_slug(
        help_text=_("The slug of the space whose library it is in; none: the alliance's.")
    )
    title = Line(max_length=200)
    resource_type = serializers.ChoiceField(choices=Resource.Type.choices)
    link = Link(max_length=500, help_text=_("Where it is (files are uploaded on the site)."))
    body = Body(help_text=_("Its description (Markdown)."))
    visibility = visibility(default=Visibility.ALLIANCE)
    author_names = Line(
        max_length=300, allow_blank=True, default="", help_text=_("Authors not on the platform.")
    )
    languages = serializers.ListField(
        child=serializers.ChoiceField(choices=RESOURCE_LANGUAGES), max_length=20, default=list
    )
    licence = serializers.ChoiceField(
        choices=Resource.Licence.choices, default=Resource.Licence.CC_BY
    )
    year = serializers.IntegerField(
        min_value=EARLIEST_YEAR, max_value=LATEST_YEAR, allow_null=True, default=None
    )


class ResourceEdit(ResourceIn):
    space = None  # type: ignore[assignment]
    link = Link(
        max_length=500,
        allow_blank=True,
        help_text=_("Where it is; may be emptied when the resource has a file."),
    )


# Events ----------------------------------------------------------------------------

EVENT_VISIBILITIES = [c for c in Visibility.choices if c[0] != Visibility.PRIVATE]


class EventIn(serializers.Serializer):
    space = space_slug()
    title = Line(max_length=200)
    body = Body(help_text=_("What the event is about (Markdown)."))
    visibility = visibility(
        choices=EVENT_VISIBILITIES,
        default=None,
        allow_null=True,
        help_text=_("Who may see it (never private); none: the space's members, or the alliance."),
    )
    event_kind = serializers.ChoiceField(choices=Event.Kind.choices)
    starts = Moment(help_text=_("When it starts (a new event starts in the future)."))
    ends = Moment(help_text=_("When it ends: after the start, at most 31 days on."))
    time_zone = Line(
        max_length=64,
        default="UTC",
        help_text=_("The organiser's time zone, shown beside readers' own (Africa/Accra)."),
    )
    mode = serializers.ChoiceField(choices=Event.Mode.choices, default=Event.Mode.ONLINE)
    country = Country(allow_blank=True, default="")
    place = Line(max_length=200, allow_blank=True, default="")
    address = Body(max_length=1000, help_text=_("Its address, for those who may see it."))
    interpretation = Line(max_length=200, allow_blank=True, default="")
    registration = serializers.ChoiceField(
        choices=Event.Registration.choices, default=Event.Registration.OPEN
    )
    capacity = serializers.IntegerField(
        min_value=1,
        max_value=1_000_000,
        allow_null=True,
        default=None,
        help_text=_("Places; none: no limit."),
    )
    ask_dietary = serializers.BooleanField(default=False)
    ask_accessibility = serializers.BooleanField(default=False)
    ask_sector = serializers.BooleanField(default=False)
    room = serializers.ChoiceField(choices=Event.Room.choices, default=Event.Room.NONE)
    join_for = serializers.ChoiceField(
        choices=Event.JoinFor.choices, default=Event.JoinFor.REGISTERED
    )


class EventEdit(EventIn):
    space = None  # type: ignore[assignment]
    visibility = visibility(choices=EVENT_VISIBILITIES)
