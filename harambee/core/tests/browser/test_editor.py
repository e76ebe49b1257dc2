"""The Markdown editor in Chromium at phone size (core/editor.py, editor.js): the
toolbar, the preview in place, @mention suggestions chosen from the keyboard, a
draft that comes back after the page is left, and the same form without JavaScript."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from harambee.conftest import make_user
from harambee.core.models import Draft
from harambee.core.tests.browser.test_accessibility import PHONE, problems_on
from harambee.core.tests.browser.test_accessibility import sign_in as axe_sign_in
from harambee.core.tests.browser.test_browser import assert_htmx_loaded, eventually, sign_in
from harambee.core.tests.checkers import AXE_JS, require_file
from harambee.spaces.models import Post
from harambee.stream.models import StreamPost
from harambee.stream.services import handle_ensure

pytestmark = pytest.mark.browser


def test_typing_at_luc_offers_lucia_and_enter_picks_her(new_page, browser_errors):
    writer = make_user(display_name="Akosua Author")
    handle_ensure(user=make_user(display_name="Lucía Ramírez"))
    page = new_page()
    sign_in(page, writer.email)
    page.goto("/stream/")
    box = page.get_by_label("Your post")
    box.press_sequentially("Radio call-ins, ask @luc")
    listbox = page.get_by_role("listbox", name="Suggestions")
    expect(listbox).to_be_visible()
    option = listbox.get_by_role("option", name="Lucía Ramírez (@lucia_ramirez)")
    expect(option).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", option.get_attribute("id"))
    expect(box).to_have_attribute("aria-controls", listbox.get_attribute("id"))
    box.press("Enter")
    expect(listbox).to_be_hidden()
    expect(box).to_have_value("Radio call-ins, ask @lucia_ramirez ")
    box.press_sequentially("and @luc")
    expect(listbox).to_be_visible()
    box.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_value("Radio call-ins, ask @lucia_ramirez and @luc")
    assert browser_errors == []


def test_the_toolbar_formats_and_the_preview_shows_in_place(new_page, browser_errors):
    writer = make_user(display_name="Akosua Author")
    page = new_page()
    sign_in(page, writer.email)
    page.goto("/stream/")
    assert_htmx_loaded(page, browser_errors)
    box = page.get_by_label("Your post")
    box.fill("seeds")
    box.select_text()
    toolbar = page.get_by_role("toolbar", name="Formatting")
    toolbar.get_by_role("button", name="Bold").click()
    expect(box).to_have_value("**seeds**")
    # Keyboard: one tab stop, arrows move along the toolbar.
    toolbar.get_by_role("button", name="Bold").focus()
    page.keyboard.press("ArrowRight")
    expect(toolbar.get_by_role("button", name="Italic")).to_be_focused()
    page.get_by_role("button", name="Preview").click()
    preview = page.get_by_role("region", name="Preview")
    expect(preview.locator("strong")).to_have_text("seeds")
    expect(box).to_have_value("**seeds**")
    assert not StreamPost.objects.exists()
    assert browser_errors == []


def test_a_draft_comes_back_after_leaving_the_page_and_can_be_discarded(new_page, browser_errors):
    writer = make_user(display_name="Akosua Author")
    page = new_page()
    page.add_init_script("window.harambeeAutosaveMs = 300;")
    sign_in(page, writer.email)
    page.goto("/stream/")
    page.get_by_label("Your post").press_sequentially("Half a thought about seed banks")
    eventually(
        lambda: Draft.objects.filter(
            author=writer, body="Half a thought about seed banks"
        ).exists(),
        "saved",
    )
    page.goto("/")
    page.goto("/stream/")
    restored = page.locator(".draft-note").filter(has_text="Restored your unsaved draft")
    expect(restored).to_be_visible()
    expect(page.get_by_label("Your post")).to_have_value("Half a thought about seed banks")
    page.get_by_role("button", name="Discard draft").click()
    expect(page.get_by_label("Your post")).to_have_value("")
    eventually(lambda: not Draft.objects.exists(), "discarded")
    # Posting a text deletes its draft.
    page.get_by_label("Your post").press_sequentially("Seed banks work")
    eventually(lambda: Draft.objects.filter(body="Seed banks work").exists(), "saved")
    page.get_by_label("Alliance: signed-in members").check()
    page.get_by_role("button", name="Post", exact=True).click()
    expect(page.locator(".stream-post").first).to_contain_text("Seed banks work")
    assert not Draft.objects.exists()
    assert browser_errors == []


def test_without_javascript_the_textarea_and_preview_work_and_no_toolbar_shows(new_page):
    writer = make_user(display_name="Akosua Author")
    page = new_page(java_script_enabled=False)
    sign_in(page, writer.email)
    page.goto("/stream/")
    expect(page.get_by_role("toolbar")).to_have_count(0)
    page.get_by_label("Your post").fill("_slow_ radio")
    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_role("region", name="Preview").locator("em")).to_have_text("slow")
    expect(page.get_by_label("Your post")).to_have_value("_slow_ radio")
    assert not StreamPost.objects.exists()


def test_the_editor_and_a_filtered_choice_pass_axe_in_every_state(new_page, live_server, cast):
    """With suggestions open, a preview shown and the picture panel open, on a new
    thread; a filtered list of countries on the synthesis report; at 360 px."""
    require_file(AXE_JS)
    handle_ensure(user=make_user(display_name="Lucía Ramírez"))
    page = new_page(bypass_csp=True)
    axe_sign_in(page, cast.space_lead, live_server.url)
    page.goto(f"/spaces/{cast.space.slug}/posts/new/")
    box = page.locator("#id_body")
    box.press_sequentially("Ask @luc")
    expect(page.get_by_role("option").first).to_be_visible()
    page.get_by_text("Insert a picture").click()
    problems = problems_on(page, "new thread, suggestions open", [(PHONE, "light")])
    box.press("Escape")
    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_role("region", name="Preview")).to_contain_text("Ask @luc")
    problems += problems_on(page, "new thread, preview", [(PHONE, "light")])
    page.goto("/synthesis/report/")
    page.get_by_role("searchbox", name="Filter the choices").fill("ghan")
    expect(page.get_by_label("Ghana")).to_be_visible()
    expect(page.get_by_label("Kenya")).to_be_hidden()
    problems += problems_on(page, "report, countries filtered", [(PHONE, "light")])
    assert problems == [], "\n".join(problems)


def test_a_picture_goes_into_the_text_where_the_cursor_is(
    new_page, browser_errors, tmp_path, settings
):
    import io

    from PIL import Image

    settings.MEDIA_ROOT = str(tmp_path)
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (30, 120, 60)).save(out, "PNG")
    picture = tmp_path / "shelves.png"
    picture.write_bytes(out.getvalue())
    writer = make_user(display_name="Akosua Author")
    page = new_page()
    sign_in(page, writer.email)
    page.goto("/stream/")
    box = page.get_by_label("Your post")
    box.fill("Our seed bank")
    page.get_by_text("Insert a picture").click()
    page.get_by_role("button", name="Insert the picture").click()
    expect(page.get_by_role("alert").filter(has_text="Describe the picture")).to_be_visible()
    page.get_by_label("Picture (JPEG, PNG, GIF or WebP)").set_input_files(str(picture))
    page.get_by_label("What the picture shows").fill("Shelves of seed jars")
    page.get_by_role("button", name="Insert the picture").click()
    expect(box).to_have_value(
        re.compile(r"^Our seed bank\n\n!\[Shelves of seed jars\]\(/files/images/\d+/")
    )
    page.get_by_role("button", name="Preview").click()
    image = page.get_by_role("region", name="Preview").get_by_role(
        "img", name="Shelves of seed jars"
    )
    expect(image).to_be_visible()
    assert image.evaluate("img => img.naturalWidth") == 40
    assert browser_errors == []


def test_a_comment_sent_with_htmx_leaves_no_draft_and_a_fresh_editor(new_page, browser_errors):
    from harambee.core.tests.factories import PostFactory

    writer = make_user(display_name="Akosua Author")
    post = PostFactory(space=None, visibility="alliance", title="Seed banks")
    page = new_page()
    page.add_init_script("window.harambeeAutosaveMs = 300;")
    sign_in(page, writer.email)
    page.goto(post.get_absolute_url())
    box = page.get_by_label("Your comment")
    box.press_sequentially("We keep ours in clay jars")
    eventually(
        lambda: Draft.objects.filter(author=writer, body="We keep ours in clay jars").exists(),
        "saved",
    )
    page.get_by_role("button", name="Comment", exact=True).click()
    expect(page.locator("#comments")).to_contain_text("We keep ours in clay jars")
    expect(page.get_by_role("toolbar", name="Formatting")).to_have_count(1)
    assert not Draft.objects.filter(author=writer).exists()
    page.reload()
    page.get_by_label("Your comment").focus()
    page.wait_for_timeout(500)
    expect(page.get_by_label("Your comment")).to_have_value("")
    expect(page.locator(".draft-note").filter(has_text="Restored")).to_have_count(0)
    assert browser_errors == []


def test_enter_in_the_title_sends_the_form_not_its_preview(new_page, cast, live_server):
    from harambee.core.tests.browser.test_accessibility import sign_in as cookie_sign_in

    page = new_page()
    cookie_sign_in(page, cast.space_lead, live_server.url)
    page.goto(f"/spaces/{cast.space.slug}/posts/new/")
    page.locator("#id_body").fill("Who keeps seeds?")
    page.get_by_label("Title").fill("Seed banks")
    page.get_by_label("Title").press("Enter")
    expect(page.locator("main h1")).to_have_text("Seed banks")
    assert Post.objects.filter(title="Seed banks").exists()


def test_when_the_server_cannot_be_reached_the_browser_keeps_the_text(new_page):
    writer = make_user(display_name="Akosua Author")
    page = new_page()
    page.add_init_script("window.harambeeAutosaveMs = 300;")
    sign_in(page, writer.email)
    page.route("**/editor/draft/**", lambda route: route.abort())
    page.goto("/stream/")
    page.get_by_label("Your post").press_sequentially("Typed on a bus")
    note = page.locator(".draft-note")
    expect(note).to_have_text(re.compile("Not connected: your text is kept in this browser"))
    assert not Draft.objects.exists()
    page.goto("/")
    page.goto("/stream/")
    expect(note).to_contain_text("Restored the text this browser kept")
    expect(page.get_by_label("Your post")).to_have_value("Typed on a bus")
