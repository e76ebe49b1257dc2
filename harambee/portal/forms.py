from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from harambee.core.editor import MarkdownEditor
from harambee.inputs import BODY_MAX, Form
from harambee.portal.models import News


class NewsForm(Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Text"),
        max_length=BODY_MAX,
        widget=MarkdownEditor(attrs={"rows": 14}),
        help_text=_("Markdown formatting is allowed."),
    )
    published = forms.DateTimeField(
        label=_("Publish date"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Shown with the item, in your time zone. Leave empty for now."),
    )
    publish = forms.BooleanField(
        label=_("Publish it: anyone can read it, and it goes into the feeds and the newsletter"),
        required=False,
        help_text=_("Left unticked, it stays a draft only you can read."),
    )

    @classmethod
    def for_news(cls, data=None, *, news: News | None = None) -> NewsForm:
        initial = {}
        if news is not None:
            initial = {
                "title": news.title,
                "body": news.body,
                "published": news.published,
                "publish": news.is_published,
            }
        return cls(data, initial=initial)


class FrontPageForm(Form):
    intro = forms.CharField(
        label=_("What the alliance is"),
        required=False,
        max_length=BODY_MAX,
        widget=MarkdownEditor(attrs={"rows": 8}),
        help_text=_("Shown at the top of the front page. Markdown formatting is allowed."),
    )


class FeatureForm(Form):
    """Feature an item by its address (any public item of any kind)."""

    address = forms.CharField(
        label=_("Address of a public item"),
        max_length=500,
        help_text=_("Paste the link of its page, for example https://…/stories/12/"),
    )


class SignupForm(Form):
    email = forms.EmailField(label=_("Your email address"), max_length=254)
