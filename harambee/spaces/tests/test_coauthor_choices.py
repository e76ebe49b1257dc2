"""Who may be named co-author: one selector for notes, stories and resources."""

from __future__ import annotations

from harambee.core.tests.factories import MembershipFactory
from harambee.spaces.selectors import coauthor_choices
from harambee.stories.models import Story


def names(qs) -> list[str]:
    return [person.display_name for person in qs]


def test_it_offers_a_space_member_the_space_members_in_name_order(cast):
    offered = names(coauthor_choices(user=cast.space_member, space=cast.space))
    assert offered == ["Gina Guest", "Lea Lead", "Sam Spacemember"]


def test_it_offers_alliance_writers_for_the_alliance_and_no_guests(cast):
    offered = names(coauthor_choices(user=cast.member, space=None))
    assert offered == ["Lea Lead", "Mo Member", "Sam Spacemember", "Stella Steward"]


def test_it_offers_someone_outside_the_space_nobody_new(cast):
    assert names(coauthor_choices(user=cast.member, space=cast.space)) == []


def test_it_leaves_an_editor_who_left_the_space_the_present_coauthors(cast):
    story = Story.objects.create(author=cast.member, space=cast.space, title="Ours", body="x")
    story.coauthors.set([cast.space_lead])
    offered = coauthor_choices(user=cast.member, space=cast.space, item=story)
    assert names(offered) == ["Lea Lead"]


def test_a_guest_who_may_not_read_the_directory_learns_nobody_alliance_wide(cast):
    MembershipFactory(space=cast.other_space, user=cast.guest)
    assert names(coauthor_choices(user=cast.guest, space=None)) == []
