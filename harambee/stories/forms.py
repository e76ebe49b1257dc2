from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from harambee.core.editor import MarkdownEditor
from harambee.core.models import Visibility
from harambee.initiatives.forms import ThemeChoiceField
from harambee.inputs import ChoiceList, Form, ModelForm
from harambee.people.models import User
from harambee.stories import selectors
from harambee.stories.models import Story, StoryCall


class StoryForm(ModelForm):
    themes = ThemeChoiceField()
    coauthors = forms.ModelMultipleChoiceField(
        label=_("Co-authors"),
        queryset=User.objects.none(),
        required=False,
        widget=ChoiceList,
        help_text=_("People who write this story with you. They can edit it too."),
    )
    cover = forms.FileField(label=_("Cover image (optional)"), required=False)

    class Meta:
        model = Story
        fields = ["title", "body", "audience", "themes", "coauthors"]
        labels = {"body": _("The story")}
        widgets = {"body": MarkdownEditor(attrs={"rows": 14}), "audience": forms.RadioSelect}

    def __init__(self, *args, writers=None, in_space: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].required = True
        self.fields["coauthors"].queryset = writers if writers is not None else User.objects.none()
        if not in_space:
            self.fields["audience"].choices = [
                c for c in self.fields["audience"].choices if c[0] != "space"
            ]


class CallForm(ModelForm):
    class Meta:
        model = StoryCall
        fields = ["title", "body", "deadline", "visibility"]
        labels = {"title": _("The question"), "body": _("What kind of stories you hope for")}
        widgets = {
            "deadline": forms.DateInput(attrs={"type": "date"}),
            "body": MarkdownEditor(attrs={"rows": 4}),
            "visibility": forms.RadioSelect,
        }

    def __init__(self, *args, in_space: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [c for c in Visibility.choices if c[0] != Visibility.PRIVATE]
        if not in_space:
            choices = [c for c in choices if c[0] != Visibility.SPACE]
        self.fields["visibility"].choices = choices
        self.fields["visibility"].initial = choices[-1][0]


class CollectionForm(Form):
    stories = forms.ModelMultipleChoiceField(
        label=_("Stories in the collection"),
        queryset=Story.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    intro = forms.CharField(
        label=_("Introduction"), widget=MarkdownEditor(attrs={"rows": 4}), required=False
    )

    def __init__(self, *args, call: StoryCall, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stories"].queryset = selectors.collectable_answers(user=user, call=call)
        self.fields["stories"].label_from_instance = lambda story: story.title
