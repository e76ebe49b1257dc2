"""Knowledge-base pages make a fixed number of queries, whatever they show."""

from __future__ import annotations

import itertools

import pytest
from django.urls import reverse

from harambee.core.tests.factories import CommentFactory
from harambee.core.tests.querycount import assert_constant_queries
from harambee.initiatives.models import Initiative, LearningNote
from harambee.wiki import services
from harambee.wiki.models import WikiLink, WikiPage, WikiRevision

pytestmark = pytest.mark.django_db
counter = itertools.count()


def page_for(author, space=None, **kw):
    return services.page_create(
        author=author,
        space=space,
        title=f"Page {next(counter)}",
        visibility="space" if space else "public",
        **kw,
    )


@pytest.mark.parametrize("in_space", [False, True])
def test_the_index_is_constant(cast, client_for, in_space):
    space = cast.space if in_space else None
    url = reverse("wiki:space_index", args=[cast.space.slug]) if in_space else reverse("wiki:index")

    def add(n):
        for _ in range(n):
            page_for(cast.space_member, space)

    assert_constant_queries(client_for(cast.space_member), url, add)


@pytest.mark.parametrize("in_space", [False, True])
def test_a_page_with_comments_examples_and_links_is_constant(cast, client_for, in_space):
    initiative = Initiative.objects.create(space=cast.space, countries=["GH"])
    space = cast.space if in_space else None
    page = page_for(cast.space_member, space, category="methodology")

    def add(n):
        targets = [page_for(cast.space_member, space).title for _ in range(n // 10 or 1)]
        body = " ".join(f"[[{t}]] [[Missing {next(counter)}]]" for t in targets)
        services.page_edit(
            actor=cast.space_member,
            page=page,
            body=WikiPage.objects.get(pk=page.pk).body + body,
            base_revision=WikiPage.objects.get(pk=page.pk).revision,
        )
        for _ in range(n):
            CommentFactory(content=page, author=cast.member)
            note = LearningNote(
                initiative=initiative,
                space=cast.space,
                author=cast.space_lead,
                title="A note",
                visibility="space",
            )
            note.save()
            page.examples.add(note)

    assert_constant_queries(client_for(cast.space_member), page.url(), add)


def test_history_and_what_links_here_are_constant(cast, client_for):
    page = page_for(cast.member)

    def add(n):
        start = WikiPage.objects.get(pk=page.pk).revision
        WikiRevision.objects.bulk_create(
            WikiRevision(
                page=page,
                number=start + k + 1,
                title=page.title,
                body="x",
                category=page.category,
                author=cast.member,
            )
            for k in range(n)
        )
        WikiPage.objects.filter(pk=page.pk).update(revision=start + n)
        for _ in range(n):
            source = page_for(cast.member)
            WikiLink.objects.create(source=source, wiki_key=0, target_key=page.title_key)

    client = client_for(cast.space_member)
    assert_constant_queries(client, page.url("history"), add)
    assert_constant_queries(client, page.url("links"), add)
    assert_constant_queries(client, page.url("diff"), add)
