from __future__ import annotations

import hashlib
from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from harambee.core.editor import MarkdownEditor
from harambee.core.models import Comment
from harambee.inputs import Form, ModelForm


class CommentForm(ModelForm):
    """A comment's text; the comment it answers (``parent``) is read by the view."""

    class Meta:
        model = Comment
        fields = ["body"]
        widgets = {"body": MarkdownEditor(attrs={"rows": 3, "id": "comment-body"})}
        labels = {"body": _("Your comment")}


class EvidenceForm(Form):
    """A file or a link, with a caption. The file is checked by its content later."""

    file = forms.FileField(
        label=_("Photo, document or recording"),
        required=False,
        help_text=_("Photos are re-encoded and lose their location unless you keep it below."),
    )
    url = forms.URLField(
        label=_("Or a link (for example to a video)"), required=False, assume_scheme="https"
    )
    caption = forms.CharField(label=_("Caption"), max_length=300, required=False)
    keep_location = forms.BooleanField(
        label=_("Keep where the photo was taken"),
        required=False,
        help_text=_("Only if the place may be shared with everyone who can see this item."),
    )

    def clean(self):
        data = super().clean()
        if not data.get("file") and not data.get("url"):
            raise forms.ValidationError(_("Choose a file or give a link."))
        return data


def filters_key(form: Any) -> str:
    """What a form of filters shows: every field's choices and chosen value, in the
    reader's language. A list's page keeps the form's markup under it in the
    ``fragments`` cache (Django renders a select's options one template each)."""
    shown = [
        (
            name,
            [(str(v), str(label)) for v, label in getattr(field, "choices", ())],
            form[name].value(),
        )
        for name, field in form.fields.items()
    ]
    raw = repr((get_language(), shown)).encode()
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def country_choices() -> list[tuple[str, str]]:
    """Every country, named and sorted in the active language. Given to a field as a
    callable, so each form is read in its reader's language, not the one active when
    the module was imported."""
    from django_countries import countries

    return list(countries)


class LanguageForm(Form):
    """An item's language, and the original it translates (its address or number)."""

    language = forms.ChoiceField(label=_("Language of this item"), choices=())
    original = forms.CharField(
        label=_("Translation of"),
        required=False,
        max_length=500,
        help_text=_(
            "The address (or number) of the item this one translates. Leave it empty if "
            "this is an original."
        ),
    )

    def __init__(self, *args, reader, **kwargs):
        super().__init__(*args, **kwargs)
        from harambee.people.languages import language_choices

        self.reader = reader
        self.fields["language"].choices = language_choices()

    def clean_original(self):
        from urllib.parse import urlsplit

        from django.urls import Resolver404, resolve

        from harambee.core.models import Content
        from harambee.core.visibility import can_view
        from harambee.inputs import to_id

        text = self.cleaned_data.get("original", "").strip()
        if not text:
            return None
        pk = to_id(text)
        if pk is None:
            try:
                pk = to_id(resolve(urlsplit(text).path).kwargs.get("pk"))
            except Resolver404:
                pk = None
        item = Content.objects.filter(pk=pk).first() if pk is not None else None
        if item is None or not can_view(self.reader, item):
            raise forms.ValidationError(_("No item you may read has that address."))
        return item
