"""``harambee generate``: the synthetic alliance for benchmarks, at a tiny scale."""

from __future__ import annotations

from collections import Counter
from io import StringIO

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import CommandError, call_command
from django.db.models import Count, F
from django.utils import timezone

from harambee.core.generate import CHILD_TABLES, VISIBILITY_CYCLE, generate
from harambee.core.models import Comment, Content, Kind, Reaction, Visibility
from harambee.core.visibility import can_view, visible
from harambee.people.models import User
from harambee.people.roles import AllianceRole, SpaceRole
from harambee.spaces.models import Membership, Post, Space

SCALE = 300


@pytest.fixture
def generated(db):
    return generate(SCALE, progress=None)


def test_writes_every_kind_visibility_and_space_setting(generated):
    assert Content.objects.count() == SCALE == generated.counts["content"]
    assert set(Content.objects.values_list("kind", flat=True)) == set(CHILD_TABLES)
    # Every kind has its child row (a multi-table subclass), none is missing.
    assert Post.objects.count() == Content.objects.filter(kind=Kind.POST).count()
    per_visibility = Counter(Content.objects.values_list("visibility", flat=True))
    cycles = SCALE // len(VISIBILITY_CYCLE)
    assert per_visibility == {v: VISIBILITY_CYCLE.count(v) * cycles for v in Visibility.values}
    # Co-authors only on some private drafts.
    coauthored = Content.objects.filter(coauthors__isnull=False).distinct()
    assert coauthored.exists()
    assert set(coauthored.values_list("visibility", flat=True)) == {Visibility.PRIVATE}
    assert Content.objects.filter(removed=True).exists()

    assert User.objects.count() >= 50
    assert User.objects.filter(role=AllianceRole.GUEST).exists()
    assert User.objects.filter(role=AllianceRole.STEWARD).exists()
    combos = set(Space.objects.values_list("kind", "listing", "join_policy"))
    assert len(combos) == len(Space.Type) * len(Space.Listing) * len(Space.JoinPolicy)
    assert not Space.objects.filter(join_policy="code", invite_code="").exists()
    assert set(Membership.objects.values_list("role", flat=True)) == set(SpaceRole.values)
    leads = Membership.objects.filter(role=SpaceRole.LEAD).values("space").distinct().count()
    assert leads == Space.objects.count()
    assert Membership.objects.filter(expires__lt=timezone.now()).exists()

    assert Comment.objects.filter(parent__isnull=True).exists()
    assert Comment.objects.filter(parent__isnull=False).exists()
    assert (
        not Comment.objects.filter(parent__isnull=False)
        .exclude(parent__content=F("content"))
        .exists()
    )
    assert not Comment.objects.filter(parent__parent__isnull=False).exists()
    assert not Comment.objects.filter(created__lt=F("content__created")).exists()
    assert not Comment.objects.filter(content__visibility=Visibility.PRIVATE).exists()
    busy = Content.objects.annotate(n=Count("comments")).order_by("-n").first()
    assert busy.n >= 50
    assert Reaction.objects.exists()
    # The history runs forward with the ids, as real posting would.
    dates = list(Content.objects.order_by("pk").values_list("created", flat=True))
    assert dates == sorted(dates)
    assert Content.objects.exclude(body_html="").count() == SCALE


@pytest.mark.xfail(
    strict=True,
    reason="The initiative kinds (cycle, note, lesson; #4) landed after the generator "
    "and are not generated yet: they need initiatives, cycles and notes around them.",
)
def test_every_kind_that_exists_is_generated():
    assert set(CHILD_TABLES) == set(Kind.values)


def _people_to_check() -> dict[str, object]:
    expired = Membership.objects.filter(expires__lt=timezone.now()).first()
    coauthor = User.objects.filter(coauthored__isnull=False).first()
    return {
        "anonymous": AnonymousUser(),
        "guest": User.objects.filter(role=AllianceRole.GUEST).first(),
        "steward": User.objects.filter(role=AllianceRole.STEWARD).first(),
        "member": User.objects.filter(role=AllianceRole.MEMBER).order_by("pk").last(),
        "expired member": expired.user,
        "co-author": coauthor,
    }


def test_the_gate_agrees_with_itself_on_generated_data(generated):
    items = list(Content.objects.all())
    for label, user in _people_to_check().items():
        assert user is not None, label
        seen = set(visible(user, Content.objects.all()).values_list("pk", flat=True))
        assert seen == {c.pk for c in items if can_view(user, c)}, label
        assert 0 < len(seen) < len(items), label


def test_the_pages_render_on_generated_data(generated, client_for):
    lead = Membership.objects.filter(role=SpaceRole.LEAD).select_related("space", "user").first()
    busy = (
        Post.objects.filter(visibility=Visibility.PUBLIC, removed=False)
        .annotate(n=Count("comments"))
        .order_by("-n")
        .first()
    )
    anon, member = client_for(None), client_for(lead.user)
    for client, url in [
        (anon, "/"),
        (member, "/"),
        (member, lead.space.get_absolute_url()),
        (anon, busy.get_absolute_url()),
        (member, busy.get_absolute_url()),
        (member, "/people/"),
        (member, "/spaces/"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
    page = anon.get(busy.get_absolute_url()).content.decode()
    assert busy.title.replace("'", "&#x27;") in page


@pytest.mark.django_db
def test_the_command_fills_an_empty_database_and_refuses_a_full_one():
    out = StringIO()
    call_command("generate", "--scale", "60", "--no-progress", stdout=out)
    assert "Generated 60 content items" in out.getvalue()
    assert Content.objects.count() == 60
    with pytest.raises(CommandError, match="already has content"):
        call_command("generate", "--scale", "60", "--no-progress", stdout=StringIO())
    call_command("generate", "--scale", "20", "--force", "--no-progress", stdout=StringIO())
    assert Content.objects.count() == 80
    assert Post.objects.count() == 80
