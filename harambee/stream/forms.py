from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from harambee.core.editor import MarkdownEditor
from harambee.core.models import Visibility
from harambee.inputs import Form
from harambee.stream.models import MAX_POST_LENGTH
from harambee.stream.services import normalise_text, visibility_choices


class StreamPostForm(Form):
    text = forms.CharField(
        label=_("Your post"),
        widget=MarkdownEditor(attrs={"rows": 3}, images=True),
        # Checked in clean_text, not by the browser: a maxlength attribute would cut a
        # pasted text short without a word, and what was written would be lost.
        strip=False,
    )
    visibility = forms.ChoiceField(label=_("Who can see this"), widget=forms.RadioSelect)

    def __init__(self, *args: Any, space: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].help_text = gettext(
            "At most %(max)d characters. Use #tags so others can follow the topic, and "
            "@handles to mention people."
        ) % {"max": MAX_POST_LENGTH}
        self.fields["visibility"].choices = visibility_choices(space)
        self.fields["visibility"].initial = Visibility.SPACE if space else Visibility.ALLIANCE

    def clean_text(self) -> str:
        text = normalise_text(self.cleaned_data["text"])
        if not text:
            raise forms.ValidationError(_("Write something first."), code="required")
        if len(text) > MAX_POST_LENGTH:
            raise forms.ValidationError(
                _(
                    "A stream post has at most %(max)d characters; this one has %(n)d. "
                    "Shorten it, or write a thread in a space for longer thoughts."
                ),
                code="max_length",
                params={"max": MAX_POST_LENGTH, "n": len(text)},
            )
        return text
