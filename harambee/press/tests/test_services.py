"""Brochures and digests as the services make them: only public items on paper (the
public item IS in the PDF's text, the others are NOT), no reporter's name, gated images,
the text's own letters kept, and who may make what."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from harambee.core.models import Content
from harambee.initiatives.models import Theme
from harambee.press import selectors, services
from harambee.press.models import Brochure
from harambee.press.tests.helpers import (
    event,
    lesson,
    pdf_images,
    pdf_text,
    photo,
    report,
    story,
)

pytestmark = pytest.mark.django_db

VISIBILITIES = ("public", "alliance", "space", "private")


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def every_kind_at_every_visibility(cast):
    """Marked items of every printable kind: PUB… public, HID… anything else."""
    made = {}
    for vis in VISIBILITIES:
        mark = "PUB" if vis == "public" else "HID"
        made[f"{mark}LESSON{vis}"] = lesson(
            cast.space, cast.space_lead, title=f"{mark}LESSON{vis}", visibility=vis
        )
        made[f"{mark}STORY{vis}"] = story(
            cast.space, cast.space_lead, title=f"{mark}STORY{vis}", visibility=vis
        )
        made[f"{mark}EVENT{vis}"] = event(
            cast.space, cast.space_lead, title=f"{mark}EVENT{vis}", visibility=vis
        )
        made[f"{mark}REPORT{vis}"] = report(
            cast.space, title=f"{mark}REPORT{vis}", visibility=vis, reporter=f"REPORTER{vis}"
        )
    # Public, but not verified: a report stays off paper until a facilitator vouches.
    for status in ("pending", "rejected", "duplicate"):
        made[f"HIDREPORT{status}"] = report(
            cast.space, title=f"HIDREPORT{status}", status=status, reporter="REPORTERX"
        )
    # Removed by a moderator.
    gone = lesson(cast.space, cast.space_lead, title="HIDLESSONremoved")
    Content.objects.filter(pk=gone.pk).update(removed=True)
    made["HIDLESSONremoved"] = gone
    return made


def make(cast, **kwargs) -> Brochure:
    args = {"actor": cast.space_lead, "space": cast.space, "title": "Forest lessons"}
    return services.brochure_create(**{**args, **kwargs})


def rendered(brochure: Brochure) -> Brochure:
    assert services.brochure_render(brochure_id=brochure.pk) == "rendered"
    brochure.refresh_from_db()
    assert brochure.status == "ready", brochure.error
    return brochure


def test_a_brochure_of_everything_prints_only_public_items_and_no_reporter(cast, media):
    made = every_kind_at_every_visibility(cast)
    brochure = make(
        cast,
        source="hand",
        item_ids=[item.pk for item in made.values()],
        queue=False,
    )
    assert sorted(brochure.item_ids) == sorted(
        item.pk for key, item in made.items() if key.startswith("PUB")
    )
    text = pdf_text(rendered(brochure).pdf.read())
    for key in made:
        if key.startswith("PUB"):
            assert key in text, key
        else:
            assert key not in text, key
    assert "REPORTER" not in text
    assert "A community reporter" in text
    assert "Contents" in text
    assert brochure.page_count >= 3


def test_an_item_made_private_after_choosing_is_left_out_of_the_print(cast, media):
    kept = lesson(cast.space, cast.space_lead, title="KEPTLESSON")
    hidden = lesson(cast.space, cast.space_lead, title="LATERPRIVATE")
    brochure = make(cast, source="hand", item_ids=[kept.pk, hidden.pk], queue=False)
    Content.objects.filter(pk=hidden.pk).update(visibility="space")
    text = pdf_text(rendered(brochure).pdf.read())
    assert "KEPTLESSON" in text
    assert "LATERPRIVATE" not in text


def test_the_letters_of_ghanaian_languages_and_accents_survive(cast, media):
    title = "Ɛkɔm ne ŋkɔsoɔ: café, São Tomé, Ñandú, Łódź"
    body = "Yɛbɛyɛ adwuma ɔkwan pa so — ŊŊ ɔɔ ɛɛ. Élève à l'école."
    item = lesson(cast.space, cast.space_lead, title=title, body=body)
    text = pdf_text(rendered(make(cast, source="hand", item_ids=[item.pk], queue=False)).pdf.read())
    assert title in text
    assert "Yɛbɛyɛ adwuma ɔkwan pa so" in text
    assert "ŊŊ ɔɔ ɛɛ" in text
    assert "Élève à l'école" in text


def test_only_images_of_public_items_are_embedded(cast, media):
    public = lesson(cast.space, cast.space_lead, title="WITHPHOTO")
    photo(public, cast.space_lead, caption="Seedlings at Kintampo")
    private = lesson(cast.space, cast.space_lead, title="PRIVATEPHOTO", visibility="space")
    photo(private, cast.space_lead, colour=(200, 20, 20))
    brochure = make(cast, source="hand", item_ids=[public.pk, private.pk], queue=False)
    data = rendered(brochure).pdf.read()
    assert pdf_images(data) == 1
    assert "Seedlings at Kintampo" in pdf_text(data)


def test_each_item_carries_its_short_address_and_a_qr_code(cast, media, settings):
    settings.SITE_URL = "https://alliance.example.org"
    item = lesson(cast.space, cast.space_lead, title="QRLESSON")
    brochure = rendered(make(cast, source="hand", item_ids=[item.pk], queue=False))
    text = pdf_text(brochure.pdf.read())
    assert f"https://alliance.example.org/p/{item.pk}/" in text.replace("\n", "")
    printed, _ = selectors.print_items(brochure=brochure)
    assert printed[0].qr_svg.startswith("<svg")


def test_a_theme_brochure_gathers_public_lessons_and_stories_of_that_theme(cast, media):
    theme = Theme.objects.create(name="Fire", slug="fire", group="issue")
    themed = lesson(cast.other_space, cast.outsider, title="FIRELESSON")
    themed.themes.add(theme)
    lesson(cast.space, cast.space_lead, title="OTHERLESSON")
    hidden = lesson(cast.space, cast.space_lead, title="HIDDENFIRE", visibility="alliance")
    hidden.themes.add(theme)
    brochure = make(cast, source="theme", theme=theme, queue=False)
    assert brochure.item_ids == [themed.pk]


def test_a_members_digest_holds_the_months_public_items_only(cast, media):
    now = timezone.now()
    this_month = lesson(cast.space, cast.space_lead, title="THISMONTH")
    old = lesson(cast.space, cast.space_lead, title="LASTYEAR")
    Content.objects.filter(pk=old.pk).update(created=now - timedelta(days=400))
    members_only = lesson(cast.space, cast.space_lead, title="MEMBERSONLY", visibility="space")
    meeting = event(cast.space, cast.space_lead, title="MEETING", starts=now)
    brochure = services.brochure_create(
        actor=cast.space_member,
        space=cast.space,
        title="Digest",
        source="month",
        month=timezone.localdate(),
        queue=False,
    )
    assert set(brochure.item_ids) == {this_month.pk, meeting.pk}
    assert members_only.pk not in brochure.item_ids
    assert brochure.is_digest


def test_who_may_make_what(cast, media):
    lesson(cast.space, cast.space_lead, title="A lesson")
    with pytest.raises(PermissionDenied):
        make(cast, actor=cast.space_member, source="space")
    for who in (cast.member, cast.outsider, cast.steward, cast.anon):
        with pytest.raises(PermissionDenied):
            make(cast, actor=who, source="month", month=timezone.localdate())
    assert make(cast, source="space", queue=False).item_count == 1


def test_a_choice_with_nothing_public_or_a_bad_layout_is_refused_with_a_reason(cast, media):
    hidden = lesson(cast.space, cast.space_lead, title="HIDDEN", visibility="space")
    with pytest.raises(ValidationError, match="No public item"):
        make(cast, source="hand", item_ids=[hidden.pk, 10**19])
    public = lesson(cast.space, cast.space_lead, title="PUBLIC")
    with pytest.raises(ValidationError) as refused:
        make(cast, source="hand", item_ids=[public.pk], paper="a4", booklet=True, columns=3)
    assert set(refused.value.error_dict) == {"booklet", "columns"}
    assert not Brochure.objects.exists()


def test_rendering_is_queued_once_and_runs_once(cast, media, run_on_commit_now):
    item = lesson(cast.space, cast.space_lead, title="ONCE")
    brochure = make(cast, source="hand", item_ids=[item.pk], paper="a5", booklet=True, columns=2)
    brochure.refresh_from_db()
    assert brochure.status == "ready" and brochure.queued is not None
    assert brochure.booklet_pdf and brochure.pdf
    assert services.brochure_queue(brochure=brochure) is False
    assert services.brochure_render(brochure_id=brochure.pk) == "done"
    assert services.brochure_render(brochure_id=10**9) == "gone"


def test_a_failed_rendering_is_kept_with_its_reason(cast, media, monkeypatch):
    item = lesson(cast.space, cast.space_lead, title="FAILS")
    brochure = make(cast, source="hand", item_ids=[item.pk], queue=False)

    def broken(*args, **kwargs):
        raise RuntimeError("the PDF engine fell over")

    monkeypatch.setattr(services, "render_pdf", broken)
    assert services.brochure_render(brochure_id=brochure.pk) == "failed"
    brochure.refresh_from_db()
    assert (brochure.status, brochure.error) == ("failed", "the PDF engine fell over")


def test_a_failed_brochure_may_be_tried_again_by_its_makers(
    cast, media, monkeypatch, run_on_commit_now
):
    item = lesson(cast.space, cast.space_lead, title="AGAIN")
    brochure = make(cast, source="hand", item_ids=[item.pk], queue=False)
    Brochure.objects.filter(pk=brochure.pk).update(status="failed", error="x")
    brochure.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.brochure_retry(actor=cast.space_member, brochure=brochure)
    assert services.brochure_retry(actor=cast.space_lead, brochure=brochure) is True
    brochure.refresh_from_db()
    assert (brochure.status, brochure.error) == ("ready", "")
    assert "AGAIN" in pdf_text(brochure.pdf.read())
    # Only a failed one.
    assert services.brochure_retry(actor=cast.space_lead, brochure=brochure) is False
