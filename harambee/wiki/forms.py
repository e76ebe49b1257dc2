from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from harambee.core.editor import MarkdownEditor
from harambee.inputs import ChoiceList, Form
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


class ExamplesField(forms.TypedMultipleChoiceField):
    """Learning notes that used this method, ticked among the notes the writer may
    read (the form is given them as ``example_choices``)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Examples from learning notes"))
        kwargs.setdefault(
            "help_text",
            _(
                "Tick the learning notes that used this method: the newest notes you can "
                "read are listed. Readers see only the notes they may read."
            ),
        )
        kwargs.setdefault("widget", ChoiceList(attrs={"class": "note-choices"}))
        super().__init__(required=False, coerce=int, choices=(), **kwargs)


def _offer_examples(form: forms.Form, choices) -> None:
    field = form.fields["examples"]
    field.choices = list(choices)
    if not field.choices:
        field.help_text = _("There is no learning note you can read yet.")


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
        widget=MarkdownEditor(attrs={"rows": 18}),
        help_text=_("Markdown. Link to another page of this wiki with [[Page name]]."),
    )
    examples = ExamplesField()
    summary = _summary_field()

    def __init__(self, *args, visibility_choices=(), example_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["visibility"].choices = visibility_choices
        _offer_examples(self, example_choices)


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
        widget=MarkdownEditor(attrs={"rows": 18}),
        help_text=_("Markdown. Link to another page of this wiki with [[Page name]]."),
    )
    examples = ExamplesField()
    summary = _summary_field()
    blank = forms.BooleanField(
        label=_("Yes, leave this page without text"),
        required=False,
        help_text=_("Its text stays in the page's history, and can be brought back."),
    )

    def __init__(self, *args, visibility_choices=None, example_choices=(), had_text=True, **kwargs):
        super().__init__(*args, **kwargs)
        if visibility_choices is None:
            del self.fields["visibility"]
        else:
            self.fields["visibility"].choices = visibility_choices
        _offer_examples(self, example_choices)
        self.had_text = had_text
        # Asked only of someone who sends an empty text for a page that had one.
        if not (had_text and self.data and not self.data.get("body", "").strip()):
            del self.fields["blank"]

    def clean(self):
        data = super().clean()
        body = data.get("body")
        if body is not None and not body.strip() and self.had_text and not data.get("blank"):
            self.add_error(
                "body",
                _(
                    "The text is empty: saving would leave the page blank. Write its text, "
                    "or tick “Yes, leave this page without text” below to blank it."
                ),
            )
        return data


class RenameForm(Form):
    title = forms.CharField(label=_("New title"), max_length=TITLE_MAX)
    summary = _summary_field()
