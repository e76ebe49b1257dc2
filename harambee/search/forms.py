from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_countries import countries as all_countries

from harambee.core.registry import kind_choices
from harambee.initiatives.selectors import theme_list
from harambee.inputs import Form
from harambee.people.models import Sector
from harambee.search import selectors
from harambee.search.query import MAX_QUERY_CHARS
from harambee.search.selectors import MAX_PAGES, Filters


class SearchForm(Form):
    q = forms.CharField(label=_("Search for"), max_length=MAX_QUERY_CHARS, required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    space = forms.SlugField(label=_("Space (its address name)"), required=False)
    initiative = forms.ChoiceField(label=_("Initiative"), required=False)
    theme: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Theme"), queryset=None, to_field_name="slug", required=False, empty_label=_("Any")
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    sector = forms.ChoiceField(label=_("Stakeholder sector"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    author = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
    after = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    before = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    sort = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[("relevance", _("Best match")), ("newest", _("Newest first"))],
    )
    page = forms.IntegerField(
        widget=forms.HiddenInput, required=False, min_value=1, max_value=MAX_PAGES
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        any_: list[tuple[str, Any]] = [("", _("Any"))]
        choice = self._choice_field
        choice("kind").choices = any_ + kind_choices()
        choice("sector").choices = any_ + list(Sector.choices)
        choice("language").choices = any_ + list(settings.LANGUAGES)
        self.fields["theme"].queryset = theme_list()  # type: ignore[attr-defined]
        # The initiatives whose space the reader may know exists; and only the countries
        # those initiatives work in, not the whole world.
        shown = selectors.initiative_choices(user=user)
        self.initiative_spaces = {i.space.slug: i.space for i in shown}
        choice("initiative").choices = any_ + [(i.space.slug, i.space.name) for i in shown]
        used = {code for i in shown for code in i.countries or []}
        names = dict(all_countries)
        choice("country").choices = any_ + sorted(
            ((code, str(names.get(code, code))) for code in used), key=lambda c: c[1]
        )
        self.space_obj: Any = None  # the space filtered by, once cleaned

    def _choice_field(self, name: str) -> forms.ChoiceField:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)  # noqa: S101 -- declared above
        return field

    def clean_space(self) -> str:
        slug = self.cleaned_data["space"]
        if slug:
            # A space the reader may not know exists is answered like one that does not.
            self.space_obj = selectors.shown_space(user=self.user, slug=slug)
            if self.space_obj is None:
                raise forms.ValidationError(_("There is no such space."))
        return slug

    def filters(self) -> Filters:
        data = self.cleaned_data
        theme = data.get("theme")
        space_ids = [self.space_obj.pk] if self.space_obj is not None else None
        initiative = self.initiative_spaces.get(data.get("initiative") or "")
        if initiative is not None:
            # An initiative is its space: both filters given means both must hold.
            space_ids = [initiative.pk] if space_ids in (None, [initiative.pk]) else []
        return Filters(
            kind=data.get("kind") or "",
            space_ids=space_ids,
            theme_id=theme.pk if theme is not None else None,
            country=data.get("country") or "",
            sector=data.get("sector") or "",
            language=data.get("language") or "",
            author_id=data.get("author"),
            after=data.get("after"),
            before=data.get("before"),
        )
