"""The Markdown editor (core/editor.py): every Markdown field has it, its preview
works without JavaScript and through the endpoint, and drafts belong to their writer."""

from __future__ import annotations

import pytest
from django import forms
from django.test import Client
from django.urls import reverse
from django.utils import translation

from harambee.core.editor import PREVIEW_MAX, MarkdownEditor
from harambee.core.markdown import fold_accents
from harambee.core.models import Comment, Content, Draft
from harambee.core.tests.factories import PostFactory
from harambee.core.tests.test_bad_input import _product_form_classes
from harambee.initiatives.forms import ThemeChoiceField
from harambee.initiatives.models import NOTE_SECTIONS, Theme
from harambee.inputs import ChoiceList
from harambee.spaces.models import Post

pytestmark = pytest.mark.django_db

# Textareas of plain text, shown with line breaks and never through Markdown.
PLAIN_TEXT = {
    ("harambee.moderation.forms", "FlagForm", "note"),
    ("harambee.moderation.forms", "ReasonForm", "reason"),
    ("harambee.moderation.forms", "SuspendForm", "reason"),
    ("harambee.spaces.forms", "JoinRequestForm", "message"),
    ("harambee.spaces.forms", "InvitationForm", "message"),
    ("harambee.spaces.forms", "ThreadInviteForm", "message"),
    ("harambee.people.forms", "ProfileForm", "bio"),
    ("harambee.people.forms", "OrganisationForm", "description"),
    ("harambee.initiatives.forms", "InitiativeForm", "links"),
    ("harambee.library.forms", "EntryForm", "note"),
}
# Fields of forms that are not model forms and whose text is rendered as Markdown.
PLAIN_FORM_MARKDOWN = {
    ("harambee.wiki.forms", "PageForm", "body"),
    ("harambee.wiki.forms", "EditForm", "body"),
    ("harambee.synthesis.forms", "SynthesisForm", "body"),
    ("harambee.stream.forms", "StreamPostForm", "text"),
    ("harambee.stories.forms", "CollectionForm", "intro"),
}


def _renders_markdown(model, name: str) -> bool:
    """A model field whose text the model renders with core.markdown on save: it
    keeps ``<name>_html`` beside it, or it is a learning note's section."""
    field_names = {f.name for f in model._meta.get_fields()}
    if f"{name}_html" in field_names:
        return True
    if issubclass(model, Content) and name == "body":
        return True
    return name in dict(NOTE_SECTIONS) and model._meta.model_name == "learningnote"


def test_every_markdown_field_of_every_form_has_the_editor_with_a_preview():
    checked, plain = 0, set()
    for form_class in _product_form_classes():
        model = getattr(getattr(form_class, "_meta", None), "model", None)
        for name, field in form_class.base_fields.items():
            where = (form_class.__module__, form_class.__name__, name)
            markdown = where in PLAIN_FORM_MARKDOWN or (
                model is not None and _renders_markdown(model, name)
            )
            if markdown:
                assert isinstance(field.widget, MarkdownEditor), where
                assert field.widget.previews, where
                checked += 1
            elif isinstance(field.widget, forms.Textarea):
                # A textarea nobody has said is plain text must be looked at.
                assert where in PLAIN_TEXT, f"{where}: Markdown (add the editor) or plain?"
                assert not isinstance(field.widget, MarkdownEditor), where
                plain.add(where)
    assert checked >= 15
    assert plain == PLAIN_TEXT, PLAIN_TEXT - plain


def test_preview_without_javascript_shows_the_text_keeps_it_and_saves_nothing(cast, client_for):
    client = client_for(cast.space_lead)
    url = reverse("spaces:post_create", args=[cast.space.slug])
    page = client.get(url).content.decode()
    assert 'name="_preview" value="body"' in page
    response = client.post(
        url,
        {
            "title": "Seed banks",
            "body": "**Seeds** kept <script>alert(1)</script> [x](javascript:alert(1))",
            "visibility": "space",
            "_preview": "body",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "<strong>Seeds</strong>" in page
    assert "Preview: nothing is saved yet." in page
    assert 'value="Seeds banks"' not in page and 'value="Seed banks"' in page
    assert "**Seeds** kept &lt;script&gt;" in page  # the text as typed, in the textarea
    assert "<script>alert" not in page and 'href="javascript' not in page
    assert not Post.objects.filter(title="Seed banks").exists()
    # The same form without the preview button saves.
    client.post(url, {"title": "Seed banks", "body": "**Seeds**", "visibility": "space"})
    assert Post.objects.filter(title="Seed banks").exists()


def test_a_comment_preview_without_javascript_keeps_the_comment_unsaved(cast, client_for):
    post = PostFactory(space=cast.space, visibility="space")
    client = client_for(cast.space_member)
    response = client.post(
        reverse("core:comment", args=[post.pk]), {"body": "_Thanks_", "_preview": "body"}
    )
    assert response.status_code == 422
    assert "<em>Thanks</em>" in response.content.decode()
    assert not Comment.objects.filter(content=post).exists()


def test_the_preview_endpoint_renders_with_the_item_pages_renderer(cast, client_for):
    client = client_for(cast.member)
    url = reverse("core:editor_preview")
    response = client.post(url, {"_preview": "body", "body": "# Hi\n\n<img src=x onerror=1>"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Hi</h1>" in html and "<img" not in html
    assert "&lt;img src=x onerror=1&gt;" in html  # raw HTML is text, never markup
    too_long = client.post(url, {"text": "a" * (PREVIEW_MAX + 1)}).content.decode()
    assert "Too long to preview" in too_long and "aaaa" not in too_long


def test_the_preview_endpoint_is_for_signed_in_writers_with_a_csrf_token(cast):
    url = reverse("core:editor_preview")
    anonymous = Client().post(url, {"text": "hi"})
    assert anonymous.status_code == 302
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.member)
    assert client.post(url, {"text": "hi"}).status_code == 403
    assert client.get(url).status_code == 405


def test_a_draft_is_kept_read_back_and_discarded_by_its_writer_only(cast, client_for):
    url = reverse("core:editor_draft")
    key = "/spaces/ghana-forest/posts/new/#body"
    writer = client_for(cast.member)
    assert writer.get(url, {"key": key}).status_code == 204
    assert writer.post(url, {"key": key, "body": "half a thought"}).status_code == 204
    assert writer.post(url, {"key": key, "body": "half a thought, more"}).status_code == 204
    answer = writer.get(url, {"key": key})
    assert answer.json()["body"] == "half a thought, more"
    assert answer["Cache-Control"] == "private, no-store"
    assert Draft.objects.count() == 1
    for other in (cast.space_member, cast.steward):
        assert client_for(other).get(url, {"key": key}).status_code == 204
    writer.post(url, {"key": key, "discard": "1"})
    assert not Draft.objects.exists()
    assert Client().get(url, {"key": key}).status_code == 302


def test_saving_the_form_deletes_its_draft_and_a_preview_keeps_it(cast, client_for):
    client = client_for(cast.space_lead)
    url = reverse("spaces:post_create", args=[cast.space.slug])
    key = f"{url}#body"
    client.post(reverse("core:editor_draft"), {"key": key, "body": "Seed banks draft"})
    data = {"title": "Seed banks", "body": "Seeds", "visibility": "space", "_draft": key}
    client.post(url, {**data, "_preview": "body"})
    assert Draft.objects.filter(key=key).exists()
    client.post(url, {**data, "title": ""})  # not valid: shown again, not saved
    assert Draft.objects.filter(key=key).exists()
    assert client.post(url, data).status_code == 302
    assert not Draft.objects.filter(key=key).exists()


# Choices of many: co-authors, languages, countries, themes (and the like).
MANY = ("coauthors", "languages", "countries", "country", "themes", "organisations")


def test_long_choices_are_checkboxes_with_a_filter_never_a_ctrl_click_list():
    seen = set()
    for form_class in _product_form_classes():
        for name, field in form_class.base_fields.items():
            where = (form_class.__module__, form_class.__name__, name)
            widget = field.widget
            is_select = isinstance(widget, forms.SelectMultiple)
            assert not is_select or isinstance(widget, ChoiceList), where
            many = (forms.MultipleChoiceField, forms.ModelMultipleChoiceField)
            if name in MANY and isinstance(field, many):
                assert isinstance(widget, ChoiceList), where
                seen.add(name)
    assert seen >= {"coauthors", "languages", "countries", "country", "themes"}


def test_a_choice_list_renders_checkboxes_in_a_box_with_the_filter_script(cast, client_for):
    page = client_for(cast.space_lead).get(reverse("synthesis:report")).content.decode()
    assert 'class="choices" data-choices' in page
    assert 'type="checkbox" name="country" value="GH"' in page
    assert "<select multiple" not in page and 'name="country" multiple' not in page
    assert "/static/harambee/choices.js" in page


def test_themes_are_listed_by_their_name_in_the_readers_language():
    Theme.objects.create(
        name="Zwater", slug="zwater", group="issue", translations={"fr": {"name": "Zeau"}}
    )
    Theme.objects.create(name="Zagriculture", slug="zagri", group="objective")
    Theme.objects.create(
        name="Zeducation", slug="zedu", group="issue", translations={"fr": {"name": "Zéducation"}}
    )
    field = ThemeChoiceField()
    for language, expected in (
        ("en", ["Zagriculture", "Zeducation", "Zwater"]),
        ("fr", ["Zagriculture", "Zeau", "Zéducation"]),
    ):
        with translation.override(language):
            labels = [label for _v, label in field.choices]
        assert [label for label in labels if label.startswith("Z")] == expected
        assert labels == sorted(labels, key=lambda label: fold_accents(label).casefold())
