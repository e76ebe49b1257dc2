from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from harambee.core.editor import MarkdownEditor
from harambee.core.forms import filters_key
from harambee.core.models import Visibility
from harambee.initiatives.forms import ThemeChoiceField
from harambee.initiatives.models import Initiative
from harambee.inputs import ChoiceList, Form, ModelForm
from harambee.library.models import (
    EARLIEST_YEAR,
    LATEST_YEAR,
    RESOURCE_LANGUAGES,
    Collection,
    Resource,
)
from harambee.people.models import Organisation, User
from harambee.wiki.models import WikiPage


def _visibility_choices(in_space: bool) -> list[tuple[str, str]]:
    return [c for c in Visibility.choices if in_space or c[0] != Visibility.SPACE]


class ResourceForm(ModelForm):
    """The description of a resource; on creation also its first file or a link."""

    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_(
            "A PDF, an office document, a photo or an audio recording. Leave empty to give a link."
        ),
    )
    version_note = forms.CharField(
        label=_("Note on this file (optional)"), max_length=300, required=False
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=RESOURCE_LANGUAGES,
        required=False,
        widget=ChoiceList,
    )
    year = forms.IntegerField(
        label=_("Year"),
        required=False,
        min_value=EARLIEST_YEAR,
        max_value=LATEST_YEAR,
        help_text=_("The year it was published or recorded."),
    )
    themes = ThemeChoiceField()
    coauthors = forms.ModelMultipleChoiceField(
        label=_("Authors on the platform"),
        queryset=User.objects.none(),
        required=False,
        widget=ChoiceList,
        help_text=_("They are named as authors and can edit the resource too."),
    )
    organisations = forms.ModelMultipleChoiceField(
        label=_("Organisations"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=ChoiceList,
    )
    initiatives = forms.ModelMultipleChoiceField(
        label=_("Related initiatives"),
        queryset=Initiative.objects.none(),
        required=False,
        widget=ChoiceList,
    )
    wiki_pages = forms.ModelMultipleChoiceField(
        label=_("Related wiki pages"),
        queryset=WikiPage.objects.none(),
        required=False,
        widget=ChoiceList,
    )

    class Meta:
        model = Resource
        fields = [
            "title",
            "resource_type",
            "body",
            "file",
            "version_note",
            "link",
            "author_names",
            "coauthors",
            "organisations",
            "languages",
            "licence",
            "year",
            "themes",
            "initiatives",
            "wiki_pages",
            "visibility",
        ]
        # Their initial values come from the caller (``relations``), read in one query,
        # not one query each from the instance.
        exclude = ["coauthors", "organisations", "themes", "initiatives", "wiki_pages"]
        labels = {"body": _("Description")}
        help_texts = {"link": _("For a video, a recording or a document kept elsewhere.")}
        widgets = {"body": MarkdownEditor(attrs={"rows": 6}), "visibility": forms.RadioSelect}

    def __init__(
        self,
        *args,
        in_space: bool = True,
        editing: bool = False,
        people=None,
        initiatives=None,
        wiki_pages=None,
        organisations=None,
        relations: dict[str, list[int]] | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.order_fields(self._meta.fields)
        if relations is not None:
            self.initial.update(relations)
        self.editing = editing
        self.fields["visibility"].choices = _visibility_choices(in_space)
        self.fields["coauthors"].queryset = people if people is not None else User.objects.none()
        self.fields["coauthors"].label_from_instance = lambda u: u.display_name
        self.fields["initiatives"].queryset = (
            initiatives if initiatives is not None else Initiative.objects.none()
        )
        self.fields["initiatives"].label_from_instance = lambda i: i.space.name
        if wiki_pages is not None:
            self.fields["wiki_pages"].queryset = wiki_pages
        if organisations is not None:
            self.fields["organisations"].queryset = organisations
        self.fields["wiki_pages"].label_from_instance = lambda p: p.title
        if editing:
            # Files change by adding a version, on the resource's page.
            del self.fields["file"]
            del self.fields["version_note"]

    def clean(self):
        data = super().clean()
        has_file = not self.editing and data.get("file")
        has_current = self.editing and self.instance.current_id
        if not has_file and not has_current and not data.get("link"):
            raise forms.ValidationError(_("Upload a file or give a link to the resource."))
        return data


class VersionForm(Form):
    file = forms.FileField(label=_("New file"))
    note = forms.CharField(label=_("What changed (optional)"), max_length=300, required=False)


def _optional_choices(label, choices):
    return [("", label), *choices]


class LibraryFilterForm(Form):
    """Filters whose choices are only values found among resources the reader may see."""

    resource_type = forms.ChoiceField(label=_("Kind"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    year = forms.ChoiceField(label=_("Year"), required=False)
    organisation = forms.ChoiceField(label=_("Organisation"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("newest", _("Newest")),
            ("title", _("Title")),
            ("year", _("Year")),
            ("downloads", _("Most downloaded")),
        ],
    )

    def __init__(self, *args, choices: dict[str, list[tuple[str, str]]], **kwargs):
        super().__init__(*args, **kwargs)
        alls = {
            "resource_type": _("All kinds"),
            "theme": _("All themes"),
            "language": _("All languages"),
            "year": _("All years"),
            "organisation": _("All organisations"),
        }
        for name, label in alls.items():
            self.fields[name].choices = _optional_choices(label, choices[name])

    def cache_key(self) -> str:
        """What the filters' markup shows (library/index.html keeps it under this)."""
        return filters_key(self)

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        data = {k: v for k, v in self.cleaned_data.items() if v}
        if "year" in data:
            data["year"] = int(data["year"])
        return data


class CollectionForm(ModelForm):
    class Meta:
        model = Collection
        fields = ["title", "body", "visibility"]
        labels = {"body": _("Introduction")}
        widgets = {"body": MarkdownEditor(attrs={"rows": 5}), "visibility": forms.RadioSelect}

    def __init__(self, *args, in_space: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["visibility"].choices = _visibility_choices(in_space)


class EntryForm(Form):
    """Add an item to a collection (from the collection's page)."""

    item = forms.ModelChoiceField(label=_("Resource or wiki page"), queryset=None)
    note = forms.CharField(
        label=_("Note for readers (optional)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, items, limit: int = 200, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["item"]
        field.queryset = items
        # Offer the first ``limit`` by title; any readable item is still accepted.
        field.choices = [
            ("", "---------"),
            *((c.pk, f"{c.title} ({c.get_kind_display()})") for c in items[:limit]),
        ]


class AddToCollectionForm(Form):
    """Add this resource to one of my collections (from the resource's page)."""

    collection = forms.ModelChoiceField(label=_("Collection"), queryset=None)
    note = forms.CharField(label=_("Note for readers (optional)"), max_length=500, required=False)

    def __init__(self, *args, collections, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["collection"].queryset = collections
        self.fields["collection"].label_from_instance = lambda c: c.title
