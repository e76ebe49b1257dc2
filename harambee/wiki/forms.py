from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from harambee.inputs import Form
from harambee.wiki.markup import TITLE_MAX
from harambee.wiki.models import WikiPage
from harambee.wiki.services import SUMMARY_MAX

# The sections a new page of each category starts with (Markdown headings).
TEMPLATES = {
    WikiPage.Category.METHODOLOGY: [
        pgettext_lazy("wiki template", "Purpose"),
        pgettext_lazy("wiki template", "When to use"),
        pgettext_lazy("wiki template", "Steps"),
        pgettext_lazy("wiki template", "Facilitation tips"),
        pgettext_lazy("wiki template", "Examples"),
    ],
    WikiPage.Category.TOOL: [
        pgettext_lazy("wiki template", "What it is"),
        pgettext_lazy("wiki template", "How to use it"),
        pgettext_lazy("wiki template", "Where to find it"),
    ],
    WikiPage.Category.TECHNIQUE: [
        pgettext_lazy("wiki template", "What it is"),
        pgettext_lazy("wiki template", "How to do it"),
        pgettext_lazy("wiki template", "Tips"),
    ],
    WikiPage.Category.CONCEPT: [
        pgettext_lazy("wiki template", "Definition"),
        pgettext_lazy("wiki template", "Why it matters"),
        pgettext_lazy("wiki template", "Related ideas"),
    ],
    WikiPage.Category.CASE: [
        pgettext_lazy("wiki template", "Context"),
        pgettext_lazy("wiki template", "What was done"),
        pgettext_lazy("wiki template", "What happened"),
        pgettext_lazy("wiki template", "Lessons"),
    ],
}


def template_text(category: str) -> str:
    return "".join(f"## {heading}\n\n\n" for heading in TEMPLATES.get(category, []))


BODY_MAX = 100_000

_NOTE_REF = re.compile(r"(?:notes/)?(\d+)/?$")


class ExamplesField(forms.CharField):
    """Learning notes, one a line, by number or address."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Examples from learning notes"))
        kwargs.setdefault(
            "help_text",
            _(
                "Learning notes that used this method: their addresses or numbers, one a line. "
                "Readers see only the notes they may read."
            ),
        )
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 3}))
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        text = super().to_python(value)
        found = []
        for line in (text or "").splitlines():
            line = line.strip()
            if not line:
                continue
            match = _NOTE_REF.search(line)
            if match is None:
                raise forms.ValidationError(
                    _("“%(line)s” is not the address or number of a learning note.")
                    % {"line": line[:80]}
                )
            found.append(int(match.group(1)))
        return found


def _summary_field():
    return forms.CharField(
        label=_("Summary of your changes"),
        max_length=SUMMARY_MAX,
        required=False,
        help_text=_("A few words for the history, for example “Added facilitation tips”."),
    )


class PageForm(Form):
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX)
    category = forms.ChoiceField(label=_("Category"), choices=WikiPage.Category.choices)
    visibility = forms.ChoiceField(label=_("Who can see this"), widget=forms.RadioSelect)
    body = forms.CharField(
        label=_("Text"),
        required=False,
        # Kept as typed: a lost final newline would look like an edit to a merge.
        strip=False,
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 18}),
        help_text=_("Markdown. Link to another page of this wiki with [[Page name]]."),
    )
    examples = ExamplesField()
    summary = _summary_field()

    def __init__(self, *args, visibility_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["visibility"].choices = visibility_choices


class EditForm(Form):
    base_revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    category = forms.ChoiceField(label=_("Category"), choices=WikiPage.Category.choices)
    visibility = forms.ChoiceField(label=_("Who can see this"), widget=forms.RadioSelect)
    body = forms.CharField(
        label=_("Text"),
        required=False,
        # Kept as typed: a lost final newline would look like an edit to a merge.
        strip=False,
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 18}),
        help_text=_("Markdown. Link to another page of this wiki with [[Page name]]."),
    )
    examples = ExamplesField()
    summary = _summary_field()

    def __init__(self, *args, visibility_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        if visibility_choices is None:
            del self.fields["visibility"]
        else:
            self.fields["visibility"].choices = visibility_choices


class RenameForm(Form):
    title = forms.CharField(label=_("New title"), max_length=TITLE_MAX)
    summary = _summary_field()
