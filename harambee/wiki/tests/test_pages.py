"""The knowledge base through HTTP: writing, bad input, links, renames, reverts,
watches, talk, and the gate on every page and every old revision."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from harambee.core.models import AuditAction, AuditEntry, Visibility
from harambee.core.tests.matrix import assert_allowed, assert_forbidden, assert_hidden
from harambee.initiatives.models import Initiative, LearningNote
from harambee.wiki import services
from harambee.wiki.models import WikiPage, WikiRevision, WikiWatch

pytestmark = pytest.mark.django_db


def make(author, title, body="", *, space=None, visibility=Visibility.ALLIANCE, **kw):
    return services.page_create(
        author=author, space=space, title=title, body=body, visibility=visibility, **kw
    )


def fresh(page) -> WikiPage:
    return WikiPage.objects.select_related("space").get(pk=page.pk)


# Writing and bad input


def test_a_member_writes_an_alliance_page_and_its_first_revision(cast, client_for):
    client = client_for(cast.member)
    response = client.post(
        reverse("wiki:create"),
        {
            "title": "  Stakeholder   mapping ",
            "category": "methodology",
            "visibility": "public",
            "body": "## Purpose\r\n\r\nSee who matters.\r\n",
            "summary": "",
        },
    )
    page = WikiPage.objects.get()
    assert response.status_code == 302 and response["Location"] == "/wiki/stakeholder-mapping/"
    assert page.title == "Stakeholder mapping" and page.revision == 1
    revision = page.revisions.get()
    assert revision.body == "## Purpose\n\nSee who matters.\n"
    assert revision.summary == "First version" and revision.author == cast.member
    body = client_for(cast.anon).get(page.url()).content.decode()
    assert "See who matters." in body and "Stakeholder mapping" in body


def test_a_new_methodology_page_starts_from_its_outline(cast, client_for):
    body = client_for(cast.member).get(reverse("wiki:create") + "?category=methodology")
    text = body.content.decode()
    for heading in (
        "## Purpose",
        "## When to use",
        "## Steps",
        "## Facilitation tips",
        "## Examples",
    ):
        assert heading in text


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("", "This field is required."),
        ("   ", "This field is required."),
        ("x" * 201, "at most 200 characters"),
        ("Links [[inside]]", "cannot contain"),
        ("stakeholder MAPPING", "already has a page with this title"),
    ],
)
def test_bad_titles_are_refused_with_a_clear_message_keeping_the_text(
    cast, client_for, title, message
):
    make(cast.member, "Stakeholder mapping")
    response = client_for(cast.member).post(
        reverse("wiki:create"),
        {"title": title, "category": "tool", "visibility": "alliance", "body": "KEEP THIS TEXT"},
    )
    assert response.status_code == 422
    body = response.content.decode()
    assert message in body and "KEEP THIS TEXT" in body
    assert WikiPage.objects.count() == 1


def test_the_same_title_may_live_in_two_wikis(cast):
    make(cast.member, "Listening")
    page = make(cast.space_member, "Listening", space=cast.space, visibility="space")
    assert page.slug == "listening" and page.url() == "/spaces/ghana-forest/wiki/listening/"


def test_titles_that_clash_with_the_wikis_own_addresses_get_another_slug(cast):
    assert make(cast.member, "New").slug == "new-page"
    assert make(cast.member, "New page").slug == "new-page-2"


def test_an_overlong_summary_is_refused(cast, client_for):
    page = make(cast.member, "Tool")
    response = client_for(cast.member).post(
        page.url("edit"),
        {"base_revision": 1, "category": "tool", "body": "new", "summary": "s" * 301},
    )
    assert response.status_code == 422 and "at most 300 characters" in response.content.decode()


def test_who_may_write_where(cast, client_for):
    assert_allowed(client_for, reverse("wiki:create"), [cast.member, cast.steward])
    assert_forbidden(client_for, reverse("wiki:create"), [cast.anon, cast.guest])
    space_new = reverse("wiki:space_create", args=[cast.space.slug])
    # A guest invited into the space writes there like its other members.
    assert_allowed(client_for, space_new, [cast.space_member, cast.space_lead, cast.guest])
    # The outsider may not know the space; the others see it and may not write there.
    assert_hidden(client_for, space_new, [cast.anon, cast.outsider])
    assert_forbidden(client_for, space_new, [cast.member, cast.steward])
    page = make(cast.member, "Open page", visibility="public")
    assert_allowed(client_for, page.url("edit"), [cast.member, cast.steward, cast.space_member])
    assert_forbidden(client_for, page.url("edit"), [cast.anon, cast.guest, cast.outsider])
    draft = make(cast.member, "My draft", visibility="private")
    assert_allowed(client_for, draft.url("edit"), [cast.member])
    assert_hidden(client_for, draft.url("edit"), [cast.steward, cast.space_member, cast.anon])


def test_only_the_author_or_a_steward_changes_who_sees_an_alliance_page(cast, client_for):
    page = make(cast.member, "Open page")
    other = client_for(cast.space_member).get(page.url("edit")).content.decode()
    assert 'name="visibility"' not in other
    assert 'name="visibility"' in client_for(cast.steward).get(page.url("edit")).content.decode()
    client_for(cast.member).post(
        page.url("edit"),
        {"base_revision": 1, "category": "concept", "body": "x", "visibility": "public"},
    )
    assert fresh(page).visibility == "public"
    entry = AuditEntry.objects.get(action=AuditAction.VISIBILITY_CHANGED)
    assert entry.detail == {"before": "alliance", "after": "public"}


# Links


def test_links_resolve_within_the_same_wiki_and_offer_to_create_missing_pages(cast, client_for):
    make(cast.member, "Outcome harvesting", visibility="public")
    make(cast.space_member, "Only in the space", space=cast.space, visibility="public")
    page = make(
        cast.member,
        "Most significant change",
        "Compare [[outcome harvesting]], [[Only in the space]] and [[Ripple mapping|ripples]].",
        visibility="public",
    )
    body = client_for(cast.anon).get(page.url()).content.decode()
    assert '<a href="/wiki/outcome-harvesting/"' in body
    assert 'href="/wiki/new/?title=Only+in+the+space"' in body
    assert 'href="/wiki/new/?title=Ripple+mapping"' in body and ">ripples<" in body
    new = client_for(cast.member).get("/wiki/new/?title=Ripple+mapping").content.decode()
    assert 'value="Ripple mapping"' in new


def test_a_link_to_a_page_the_reader_may_not_see_looks_like_a_missing_page(cast, client_for):
    make(cast.member, "Secret method", visibility="private")
    page = make(cast.steward, "Overview", "See [[Secret method]].", visibility="public")
    assert 'href="/wiki/secret-method/"' in client_for(cast.member).get(page.url()).content.decode()
    assert 'class="wiki-new"' in client_for(cast.anon).get(page.url()).content.decode()


def test_what_links_here_lists_only_pages_the_reader_may_see(cast, client_for):
    target = make(cast.member, "Target", visibility="public")
    make(cast.member, "Open source page", "[[Target]]", visibility="public")
    make(cast.member, "Hidden source page", "[[target]]", visibility="private")
    make(cast.member, "Unrelated page", "[[Elsewhere]]", visibility="public")
    anon = client_for(cast.anon).get(target.url("links")).content.decode()
    assert "Open source page" in anon and "Hidden source page" not in anon
    assert "Unrelated page" not in anon
    assert "Hidden source page" in client_for(cast.member).get(target.url("links")).content.decode()


# Renames and redirects


def test_a_renamed_page_keeps_its_old_title_and_address(cast, client_for):
    page = make(cast.member, "MSC", "Stories of change.", visibility="public")
    linking = make(cast.member, "Index", "Read [[MSC]].", visibility="public")
    response = client_for(cast.member).post(
        page.url("rename"), {"title": "Most significant change", "summary": "Spell it out"}
    )
    page = fresh(page)
    assert response.status_code == 302 and response["Location"] == page.url()
    assert page.url() == "/wiki/most-significant-change/" and page.revision == 2
    assert page.revisions.get(number=2).title == "Most significant change"
    old = client_for(cast.anon).get("/wiki/msc/")
    assert old.status_code == 301 and old["Location"] == "/wiki/most-significant-change/"
    assert (
        'href="/wiki/most-significant-change/"'
        in client_for(cast.anon).get(linking.url()).content.decode()
    )
    assert "Index" in client_for(cast.anon).get(page.url("links")).content.decode()


def test_a_new_page_takes_a_renamed_pages_old_title_back(cast, client_for):
    page = make(cast.member, "Mapping", visibility="public")
    services.page_rename(actor=cast.member, page=page, title="Stakeholder mapping")
    newcomer = make(cast.member, "Mapping", visibility="public")
    assert newcomer.slug == "mapping"
    assert client_for(cast.anon).get("/wiki/mapping/").status_code == 200


def test_renaming_to_a_taken_title_is_refused(cast, client_for):
    make(cast.member, "Taken")
    page = make(cast.member, "Mine")
    response = client_for(cast.member).post(page.url("rename"), {"title": "taken"})
    assert response.status_code == 422
    assert "already has a page with this title" in response.content.decode()


# Revisions, diffs and reverts


def edit(client, page, body, base, **extra):
    data = {
        "base_revision": base,
        "category": page.category,
        "visibility": page.visibility,
        "body": body,
        **extra,
    }
    return client.post(page.url("edit"), data)


def test_every_save_is_a_revision_and_saving_nothing_new_is_not(cast, client_for):
    page = make(cast.member, "Tool", "one\n")
    client = client_for(cast.space_member)
    assert edit(client, page, "one\ntwo\n", 1, summary="Add two").status_code == 302
    assert edit(client, page, "one\ntwo\n", 2).status_code == 302
    revisions = list(WikiRevision.objects.filter(page=page).order_by("number"))
    assert [(r.number, r.author, r.summary) for r in revisions] == [
        (1, cast.member, "First version"),
        (2, cast.space_member, "Add two"),
    ]


def test_history_diffs_and_old_revisions(cast, client_for):
    page = make(cast.member, "Tool", "The cat sat.\nSecond line.\n", visibility="public")
    edit(client_for(cast.member), page, "The dog sat.\nSecond line.\n", 1, summary="Dogs")
    client = client_for(cast.anon)
    history = client.get(page.url("history")).content.decode()
    assert "Dogs" in history and "First version" in history
    side = client.get(page.url("diff") + "?from=1&to=2").content.decode()
    assert "<del>cat</del>" in side and "<ins>dog</ins>" in side
    inline = client.get(page.url("diff") + "?from=1&to=2&mode=inline").content.decode()
    assert "The <del>cat</del><ins>dog</ins> sat." in inline
    # Not a revision number (text, 20 digits) is answered like a missing revision.
    assert client.get(page.url("diff") + "?from=a&to=2").status_code == 404
    assert client.get(page.url("diff") + "?from=1&to=98765432109876543210").status_code == 404
    assert client.get(page.url("diff") + "?from=1&to=9").status_code == 404
    old = client.get(page.url("revision", 1)).content.decode()
    assert "The cat sat." in old
    assert client.get(page.url("revision", 3)).status_code == 404


def test_revert_makes_an_old_revision_current_again_as_a_new_one(cast, client_for):
    page = make(cast.member, "Tool", "good text\n", visibility="public")
    client = client_for(cast.space_member)
    edit(client, page, "vandalised\n", 1)
    services.page_rename(actor=cast.member, page=fresh(page), title="Spam")
    response = client.post(fresh(page).url("revert", 1))
    page = fresh(page)
    assert response.status_code == 302
    assert page.body == "good text\n" and page.title == "Tool"
    assert page.revisions.filter(summary="Reverted to revision 1").exists()
    assert client_for(cast.anon).get(page.url("revert", 1)).status_code == 405
    assert client_for(cast.guest).post(page.url("revert", 1)).status_code == 403


def test_old_revisions_obey_the_page_as_it_is_now(cast, client_for):
    """A page once public and now private shows none of its past to outsiders."""
    page = make(cast.member, "Was public", "PUBLIC PAST\n", visibility="public")
    edit(client_for(cast.member), page, "private now\n", 1, visibility="private")
    page = fresh(page)
    for who in (cast.anon, cast.outsider, cast.steward, cast.space_member):
        client = client_for(who)
        for url in (
            page.url(),
            page.url("history"),
            page.url("revision", 1),
            page.url("diff") + "?from=1&to=2",
            page.url("links"),
            reverse("wiki:page_by_id", args=[page.pk]),
        ):
            response = client.get(url)
            assert response.status_code == 404, (who, url)
            assert b"PUBLIC PAST" not in response.content
    assert b"PUBLIC PAST" in client_for(cast.member).get(page.url("revision", 1)).content


def test_a_space_page_is_hidden_with_its_space(cast, client_for):
    page = make(cast.space_member, "Local", "LOCAL TEXT", space=cast.space, visibility="space")
    assert_allowed(client_for, page.url(), [cast.space_member, cast.guest, cast.space_lead])
    assert_hidden(client_for, page.url(), [cast.anon, cast.outsider, cast.member, cast.steward])
    assert_hidden(client_for, page.url("revision", 1), [cast.member, cast.steward])


# Conflicts between two editors


def test_two_editors_with_changes_that_do_not_overlap_are_merged(cast, client_for):
    page = make(cast.member, "Mapping", "Purpose\nSteps\nTips\n")
    alice, bob = client_for(cast.member), client_for(cast.space_member)
    assert 'name="base_revision" value="1"' in alice.get(page.url("edit")).content.decode()
    assert edit(alice, page, "Purpose, clearly\nSteps\nTips\n", 1).status_code == 302
    response = edit(bob, page, "Purpose\nSteps\nTips for facilitators\n", 1)
    assert response.status_code == 302
    page = fresh(page)
    assert page.body == "Purpose, clearly\nSteps\nTips for facilitators\n"
    assert page.revision == 3
    assert page.revisions.get(number=3).summary == "Merged with revision 2"
    followed = bob.get(page.url()).content.decode()
    assert "Your changes did not overlap with theirs" in followed


def test_overlapping_edits_show_both_versions_and_save_nothing(cast, client_for):
    page = make(cast.member, "Mapping", "Purpose\nSteps\nTips\n")
    alice, bob = client_for(cast.member), client_for(cast.space_member)
    edit(alice, page, "Purpose\nSteps by Alice\nTips\n", 1)
    response = edit(bob, page, "Purpose\nSteps by Bob\nTips\n", 1, summary="Bob's steps")
    assert response.status_code == 409
    body = response.content.decode()
    assert "Someone else changed this page while you were editing" in body
    assert "Steps by Alice" in body and "Steps by Bob" in body
    assert 'name="base_revision" value="2"' in body
    assert "&lt;&lt;&lt;&lt;&lt;&lt;&lt; your version" in body
    assert "Bob&#x27;s steps" in body
    assert fresh(page).revision == 2
    # Saving the markers as they are is refused; resolving them saves.
    text = response.context["form"]["body"].value()
    assert edit(bob, page, text, 2).status_code == 422
    assert edit(bob, page, "Purpose\nSteps by Alice and Bob\nTips\n", 2).status_code == 302
    assert fresh(page).body == "Purpose\nSteps by Alice and Bob\nTips\n"


def test_a_base_revision_that_never_was_is_a_conflict_not_a_silent_overwrite(cast, client_for):
    page = make(cast.member, "Mapping", "theirs\n")
    client = client_for(cast.space_member)
    response = edit(client, page, "mine\n", 999)
    assert response.status_code == 409
    assert "theirs" in response.content.decode() and "mine" in response.content.decode()
    assert fresh(page).revision == 1
    assert edit(client, page, "mine\n", -1).status_code == 422


def test_a_category_changed_on_both_sides_is_a_conflict_too(cast, client_for):
    page = make(cast.member, "Mapping", "text\n", category="tool")
    edit(client_for(cast.member), page, "text\n", 1, category="technique")
    response = edit(client_for(cast.space_member), page, "text\n", 1, category="methodology")
    assert response.status_code == 409
    assert "Category: they chose “Technique”; you chose “Methodology”" in (
        response.content.decode()
    )


def test_a_visibility_change_made_meanwhile_is_kept_by_a_merge(cast, client_for):
    page = make(cast.member, "Mapping", "one\ntwo\n")
    steward, author = client_for(cast.steward), client_for(cast.member)
    assert edit(author, page, "one\ntwo\n", 1, visibility="public").status_code == 302
    # The steward's form still says "alliance", as it did when it was opened.
    assert edit(steward, page, "one\n2\n", 1, visibility="alliance").status_code == 302
    page = fresh(page)
    assert page.visibility == "public" and page.body == "one\n2\n"
    assert [r.visibility for r in page.revisions.order_by("number")] == [
        "alliance",
        "public",
        "public",
    ]


def test_an_overlong_text_is_refused(cast, client_for):
    page = make(cast.member, "Mapping")
    response = edit(client_for(cast.member), page, "x" * 100_001, 1)
    assert response.status_code == 422
    assert "at most 100000 characters" in response.content.decode()


# Watching, talk and examples


def test_watching_a_page(cast, client_for):
    page = make(cast.member, "Mapping", visibility="public")
    client = client_for(cast.space_member)
    assert client.post(page.url("watch"), {"watch": "1"}).status_code == 302
    assert WikiWatch.objects.filter(user=cast.space_member, page=page).exists()
    assert "Watching" in client.get(page.url()).content.decode()
    client.post(page.url("watch"), {"watch": "0"})
    assert not WikiWatch.objects.exists()
    private = make(cast.member, "Private", visibility="private")
    assert client.post(private.url("watch"), {"watch": "1"}).status_code == 404


def test_talk_uses_the_shared_comments_and_shows_errors_in_place(cast, client_for):
    page = make(cast.member, "Mapping", visibility="public")
    client = client_for(cast.space_member)
    url = reverse("core:comment", args=[page.pk])
    assert client.post(url, {"body": "Works well in Tamale."}).status_code == 302
    assert "Works well in Tamale." in client.get(page.url()).content.decode()
    response = client.post(url, {"body": ""})
    assert response.status_code == 422 and "Mapping" in response.content.decode()


def _note(space, author, title, visibility):
    initiative = Initiative.objects.filter(space=space).first() or Initiative.objects.create(
        space=space, countries=["GH"]
    )
    note = LearningNote(
        initiative=initiative,
        space=space,
        author=author,
        title=title,
        visibility=visibility,
        learned="x",
    )
    note.save()
    return note


def test_examples_show_only_the_notes_a_reader_may_see_and_survive_other_editors(cast, client_for):
    open_note = _note(cast.space, cast.space_lead, "Open note", "public")
    closed_note = _note(cast.space, cast.space_lead, "Closed note", "space")
    page = make(
        cast.space_lead,
        "Mapping",
        visibility="public",
        category="methodology",
        examples=[open_note.pk, closed_note.pk],
    )
    anon = client_for(cast.anon).get(page.url()).content.decode()
    assert "Open note" in anon and "Closed note" not in anon
    assert "Closed note" in client_for(cast.space_member).get(page.url()).content.decode()
    # A member who cannot see the closed note edits the page: the note stays.
    member = client_for(cast.member)
    form = member.get(page.url("edit")).content.decode()
    # The notes are offered as checkboxes, by title: the ones the member may read.
    assert re.search(rf'type="checkbox" name="examples" value="{open_note.pk}"[^>]*checked', form)
    assert "Open note" in form and "Closed note" not in form
    assert f'name="examples" value="{closed_note.pk}"' not in form
    edit(member, page, "new text\n", 1, examples=[open_note.pk])
    assert set(fresh(page).examples.values_list("pk", flat=True)) == {open_note.pk, closed_note.pk}
    # Naming a note one may not see (a tampered form) is refused, with a message.
    response = edit(member, fresh(page), "newer\n", 2, examples=[closed_note.pk])
    assert response.status_code == 422 and "Select a valid choice" in response.content.decode()
    assert "newer" in response.content.decode()


def test_examples_are_offered_to_tick_on_a_new_page(cast, client_for):
    note = _note(cast.space, cast.space_lead, "Tree nursery note", "public")
    _note(cast.space, cast.space_lead, "Lead's draft", "private")
    client = client_for(cast.member)
    form = client.get(reverse("wiki:create")).content.decode()
    assert f'type="checkbox" name="examples" value="{note.pk}"' in form
    assert "Tree nursery note" in form and "Lead's draft" not in form
    response = client.post(
        reverse("wiki:create"),
        {
            "title": "Nurseries",
            "category": "methodology",
            "visibility": "public",
            "body": "How to\n",
            "examples": [note.pk],
        },
    )
    assert response.status_code == 302
    assert list(WikiPage.objects.get(title="Nurseries").examples.all()) == [note]


def test_an_empty_text_is_refused_until_the_writer_says_to_blank_the_page(cast, client_for):
    page = make(cast.member, "Tool", "Keep me\n")
    client = client_for(cast.space_member)
    response = edit(client, page, "   \n", 1, summary="oops")
    body = response.content.decode()
    assert response.status_code == 422 and "saving would leave the page blank" in body
    assert 'name="blank"' in body and "oops" in body
    assert fresh(page).body == "Keep me\n"
    # The confirmation is asked only when it is needed.
    assert 'name="blank"' not in client.get(page.url("edit")).content.decode()
    assert edit(client, page, "", 1, blank="on").status_code == 302
    assert fresh(page).body == "" and fresh(page).revision == 2


def test_the_space_wiki_index_filters_by_category(cast, client_for):
    make(cast.space_member, "A tool", space=cast.space, visibility="space", category="tool")
    make(cast.space_member, "A case", space=cast.space, visibility="space", category="case")
    url = reverse("wiki:space_index", args=[cast.space.slug])
    body = client_for(cast.space_member).get(url + "?category=tool").content.decode()
    assert "A tool" in body and "A case" not in body
    assert client_for(cast.outsider).get(url).status_code == 404
