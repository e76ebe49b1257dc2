"""The Markdown editor (core/editor.py): every Markdown field has it, its preview
works without JavaScript and through the endpoint, and drafts belong to their writer."""

from __future__ import annotations

import io

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation
from PIL import Image

from harambee.core.editor import PREVIEW_MAX, MarkdownEditor
from harambee.core.markdown import fold_accents, render_markdown
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
    # A brochure's cover introduction: printed as plain lines (press/print.html).
    ("harambee.press.forms", "BrochureForm", "intro"),
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
    ("harambee.events.forms", "EventForm", "address"),
    # A step's instructions, a programme's and a module's summary: shown with line
    # breaks (training/module.html, training/programme.html).
    ("harambee.training.forms", "ItemForm", "instructions"),
    ("harambee.training.forms", "ProgrammeForm", "summary"),
    ("harambee.training.forms", "ModuleForm", "summary"),
    # An SMS is plain text: its segments are counted on exactly what is typed.
    ("harambee.reach.forms", "BroadcastForm", "text"),
    ("harambee.reach.forms", "BroadcastForm", "text_fr"),
    ("harambee.reach.forms", "BroadcastForm", "text_sw"),
    ("harambee.reach.forms", "BroadcastForm", "text_pt"),
    ("harambee.reach.forms", "PollForm", "options"),
    # A radio script is read aloud: plain words, no markup.
    ("harambee.radio.forms", "SegmentForm", "text"),
    ("harambee.radio.forms", "SegmentChangeForm", "text"),
    ("harambee.radio.forms", "CallInForm", "question"),
    # A call's questions become the labels of the answer fields, one a line.
    ("harambee.research.forms", "CallForm", "questions"),
    ("harambee.research.forms", "DeclineForm", "note"),
}
# Fields of forms that are not model forms and whose text is rendered as Markdown.
PLAIN_FORM_MARKDOWN = {
    ("harambee.wiki.forms", "PageForm", "body"),
    ("harambee.wiki.forms", "EditForm", "body"),
    ("harambee.synthesis.forms", "SynthesisForm", "body"),
    ("harambee.stream.forms", "StreamPostForm", "text"),
    ("harambee.stories.forms", "CollectionForm", "intro"),
    ("harambee.portal.forms", "NewsForm", "body"),
    ("harambee.portal.forms", "FrontPageForm", "intro"),
    # A reflection becomes a learning note's "what was learned" section.
    ("harambee.training.forms", "ReflectionForm", "learned"),
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


# Pictures in texts.


def _png(name: str = "field.png") -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (30, 120, 60)).save(out, "PNG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")


def _upload(client, **data) -> dict:
    response = client.post(reverse("core:editor_image"), data)
    return {"status": response.status_code, **response.json()}


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }


def test_a_picture_is_served_to_its_uploader_and_then_to_readers_of_the_item(
    cast, client_for, media
):
    lead = client_for(cast.space_lead)
    answer = _upload(lead, image=_png(), alt="Seed bank [shelves]")
    assert answer["status"] == 200
    markdown = answer["markdown"]
    url = markdown.split("](")[1].rstrip(")")
    assert markdown.startswith("![Seed bank (shelves)](/files/images/")
    shown = lead.get(url)
    # Re-encoded like every photo (core/files.py), shown in the page, not downloaded.
    assert shown.status_code == 200 and shown["Content-Type"] == "image/jpeg"
    assert shown["Content-Disposition"] == "inline"
    assert b"".join(shown.streaming_content).startswith(b"\xff\xd8")
    for who in (cast.space_member, cast.outsider):
        assert client_for(who).get(url).status_code == 404  # not in any text yet
    lead.post(
        reverse("spaces:post_create", args=[cast.space.slug]),
        {"title": "Seed banks", "body": f"Look:\n\n{markdown}", "visibility": "space"},
    )
    post = Post.objects.get(title="Seed banks")
    assert f'<img src="{url}" alt="Seed bank (shelves)">' in post.body_html
    assert client_for(cast.space_member).get(url).status_code == 200
    for who in (cast.outsider, cast.member, cast.anon):
        assert client_for(who).get(url).status_code == 404
    other = url[:-6] + ("y.png" if url.endswith("x.png") else "x.png")
    assert client_for(cast.space_member).get(other).status_code == 404


def test_someone_elses_picture_is_not_shown_through_my_public_post(cast, client_for, media):
    url = _upload(client_for(cast.space_lead), image=_png(), alt="Private")["markdown"]
    url = url.split("](")[1].rstrip(")")
    PostFactory(space=None, author=cast.member, visibility="public", body=f"![x]({url})")
    assert client_for(cast.outsider).get(url).status_code == 404


def test_a_picture_needs_a_description_and_must_be_a_photo_within_the_limit(
    cast, client_for, media, settings
):
    client = client_for(cast.member)
    assert "Describe the picture" in _upload(client, image=_png(), alt=" ")["error"]
    pdf = SimpleUploadedFile("a.pdf", b"%PDF-1.4 x %%EOF", content_type="application/pdf")
    assert "Only photos" in _upload(client, image=pdf, alt="A report")["error"]
    settings.UPLOAD_LIMITS_MB = {**settings.UPLOAD_LIMITS_MB, "image": 0}
    assert "larger than 0 MB" in _upload(client, image=_png(), alt="Seeds")["error"]
    assert Client().post(reverse("core:editor_image")).status_code == 302


def test_without_javascript_insert_picture_adds_it_to_the_text_and_previews(
    cast, client_for, media
):
    client = client_for(cast.space_lead)
    url = reverse("spaces:post_create", args=[cast.space.slug])
    assert 'name="body_image"' in client.get(url).content.decode()
    data = {"title": "Seed banks", "body": "Our shelves", "visibility": "space"}
    page = client.post(
        url, {**data, "_preview": "body", "body_image": _png(), "body_image_alt": "Shelves"}
    ).content.decode()
    assert '<img src="/files/images/' in page and 'alt="Shelves"' in page
    assert "Our shelves\n\n![Shelves](/files/images/" in page  # in the textarea
    assert not Post.objects.filter(title="Seed banks").exists()
    refused = client.post(url, {**data, "_preview": "body", "body_image": _png()})
    assert "Describe the picture" in refused.content.decode()
    assert "Our shelves" in refused.content.decode()


def test_only_this_sites_pictures_are_rendered():
    html = render_markdown(
        "![a](https://tracker.example/p.png) ![b](/files/images/1/abcdefghij.jpg)"
        " ![c](/files/images/1/../x.jpg) ![d](data:image/png;base64,AAAA)"
    )
    assert html.count("<img") == 1
    assert '<img src="/files/images/1/abcdefghij.jpg" alt="b">' in html
    assert "tracker.example" not in html and "data:" not in html


def test_a_writer_keeps_a_bounded_number_of_recent_drafts(cast, client_for, settings):
    from datetime import timedelta

    from django.utils import timezone

    from harambee.core.editor import DRAFT_DAYS, DRAFTS_KEPT

    url = reverse("core:editor_draft")
    client = client_for(cast.member)
    Draft.objects.create(author=cast.space_member, key="/a/#body", body="someone else's")
    old = Draft.objects.create(author=cast.member, key="/old/#body", body="old")
    Draft.objects.filter(pk=old.pk).update(updated=timezone.now() - timedelta(days=DRAFT_DAYS + 1))
    for i in range(DRAFTS_KEPT + 3):
        client.post(url, {"key": f"/posts/{i}/edit/#body", "body": f"text {i}"})
    mine = Draft.objects.filter(author=cast.member)
    assert mine.count() == DRAFTS_KEPT
    assert not mine.filter(key="/old/#body").exists()
    assert mine.filter(key=f"/posts/{DRAFTS_KEPT + 2}/edit/#body").exists()
    assert Draft.objects.filter(author=cast.space_member).count() == 1
    assert client.post(url, {"key": "/x/#body", "body": "a" * (PREVIEW_MAX + 1)}).status_code == 413
