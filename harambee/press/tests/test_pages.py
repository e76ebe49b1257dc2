"""The print pages per role, through HTTP: who sees, who builds, what a bad value
answers, and the query budget."""

from __future__ import annotations

import pytest
from django.urls import reverse

from harambee.core.models import Content
from harambee.press.models import Brochure
from harambee.press.tests.helpers import lesson, pdf_text, report

pytestmark = pytest.mark.django_db

MEMBERS = ["guest", "space_member", "space_lead"]
NOT_MEMBERS = ["outsider", "member", "steward"]


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _url(name, cast, *args):
    return reverse(f"press:{name}", args=[cast.space.slug, *args])


def _brochure(cast, **kwargs) -> Brochure:
    item = lesson(cast.space, cast.space_lead, title="PUBLICLESSON")
    return Brochure.objects.create(
        space=cast.space,
        title="Forest brochure",
        source="hand",
        item_ids=[item.pk],
        item_count=1,
        created_by=cast.space_lead,
        **kwargs,
    )


def test_anonymous_visitors_are_sent_to_sign_in(cast, client_for):
    brochure = _brochure(cast)
    for url in (_url("index", cast), _url("new", cast), _url("brochure", cast, brochure.pk)):
        response = client_for(cast.anon).get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("who", NOT_MEMBERS)
def test_people_outside_the_space_may_not_print_its_brochures(cast, client_for, who):
    brochure = _brochure(cast)
    client = client_for(getattr(cast, who))
    for url in (
        _url("index", cast),
        _url("new", cast),
        _url("digest", cast),
        _url("brochure", cast, brochure.pk),
        _url("pdf", cast, brochure.pk),
    ):
        assert client.get(url).status_code in (403, 404), (who, url)


@pytest.mark.parametrize("who", MEMBERS)
def test_members_see_brochures_and_print_digests_and_only_facilitators_build(cast, client_for, who):
    brochure = _brochure(cast, queued="2026-12-01T00:00Z")
    client = client_for(getattr(cast, who))
    index = client.get(_url("index", cast))
    assert index.status_code == 200
    assert "Forest brochure" in index.content.decode()
    assert client.get(_url("digest", cast)).status_code == 200
    detail = client.get(_url("brochure", cast, brochure.pk))
    assert detail.status_code == 200
    assert "PUBLICLESSON" in detail.content.decode()
    builds = client.get(_url("new", cast)).status_code
    assert builds == (200 if who == "space_lead" else 403)
    assert (_url("new", cast) in index.content.decode()) == (who == "space_lead")


def test_a_facilitator_builds_a_brochure_and_downloads_it(
    cast, client_for, media, run_on_commit_now
):
    public = lesson(cast.space, cast.space_lead, title="Fire belts work")
    hidden = lesson(cast.space, cast.space_lead, title="MEMBERSLESSON", visibility="space")
    client = client_for(cast.space_lead)
    form = client.get(_url("new", cast)).content.decode()
    assert "Fire belts work" in form and "MEMBERSLESSON" not in form
    response = client.post(
        _url("new", cast),
        {
            "title": "Forest lessons",
            "source": "hand",
            "items": [str(public.pk)],
            "language": "en",
            "paper": "a5",
            "columns": "2",
            "booklet": "on",
        },
    )
    brochure = Brochure.objects.get()
    assert response.status_code == 302
    assert response["Location"] == _url("brochure", cast, brochure.pk)
    assert brochure.status == "ready", brochure.error
    page = client.get(response["Location"])
    assert "data-hx-trigger" not in page.content.decode()
    assert _url("pdf", cast, brochure.pk) in page.content.decode()
    assert _url("booklet", cast, brochure.pk) in page.content.decode()
    pdf = client.get(_url("pdf", cast, brochure.pk))
    assert pdf["Content-Type"] == "application/pdf"
    assert "attachment" in pdf["Content-Disposition"]
    text = pdf_text(b"".join(pdf.streaming_content))
    assert "Fire belts work" in text and "MEMBERSLESSON" not in text
    booklet = client_for(cast.space_member).get(_url("booklet", cast, brochure.pk))
    assert booklet.status_code == 200
    assert hidden.pk not in brochure.item_ids


def test_a_brochure_being_prepared_says_so_and_asks_again_until_it_is_ready(
    cast, client_for, media
):
    brochure = _brochure(cast, queued="2026-12-01T00:00Z")
    client = client_for(cast.space_member)
    url = _url("brochure", cast, brochure.pk)
    page = client.get(url).content.decode()
    assert "Being prepared" in page
    # Without JavaScript a link reloads the page; with it, htmx asks for the status.
    assert f'<a href="{url}">Reload the page</a>' in page
    assert 'data-hx-trigger="every 5s"' in page
    assert client.get(_url("pdf", cast, brochure.pk)).status_code == 404
    Brochure.objects.filter(pk=brochure.pk).update(status="ready", page_count=3, pdf="x.pdf")
    fragment = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert fragment.startswith('<div id="brochure-status"')
    assert "Download the PDF (3 pages)" in fragment
    assert "data-hx-trigger" not in fragment and "PUBLICLESSON" not in fragment


def test_a_member_prints_the_public_digest(cast, client_for, media, run_on_commit_now):
    lesson(cast.space, cast.space_lead, title="PUBLICTHISMONTH")
    lesson(cast.space, cast.space_lead, title="SPACETHISMONTH", visibility="space")
    report(cast.space, title="FIRE at Kintampo", reporter="Abena Owusu")
    client = client_for(cast.space_member)
    months = client.get(_url("digest", cast)).context["form"].fields["month"].choices
    response = client.post(
        _url("digest", cast),
        {"month": months[0][0], "language": "en", "paper": "a4", "columns": "1"},
    )
    assert response.status_code == 302
    brochure = Brochure.objects.get()
    text = pdf_text(brochure.pdf.read())
    assert "PUBLICTHISMONTH" in text and "FIRE at Kintampo" in text
    assert "SPACETHISMONTH" not in text and "Abena" not in text


@pytest.mark.parametrize(
    "data, field",
    [
        ({"source": "hand", "items": ["99999999999999999999"]}, "items"),
        ({"source": "hand", "items": ["-1"]}, "items"),
        ({"source": "theme", "theme": "99999999999999999999"}, "theme"),
        ({"source": "hand"}, "items"),
        ({"source": "nonsense"}, "source"),
        ({"source": "hand", "paper": "a3"}, "paper"),
        ({"source": "space", "paper": "a4", "booklet": "on"}, "booklet"),
    ],
)
def test_bad_builder_input_is_answered_next_to_its_field_keeping_the_title(
    cast, client_for, data, field
):
    lesson(cast.space, cast.space_lead, title="A public lesson")
    post = {"title": "Kept title", "language": "en", "paper": "a5", "columns": "1", **data}
    response = client_for(cast.space_lead).post(_url("new", cast), post)
    assert response.status_code == 422
    assert field in response.context["form"].errors
    assert 'value="Kept title"' in response.content.decode()
    assert not Brochure.objects.exists()


def test_a_builder_choice_with_nothing_public_says_so(cast, client_for):
    response = client_for(cast.space_lead).post(
        _url("new", cast),
        {"title": "Empty", "source": "space", "language": "en", "paper": "a4", "columns": "1"},
    )
    assert response.status_code == 422
    assert "No public item matches this choice" in response.content.decode()


@pytest.mark.parametrize("month", ["2026-13", "1999-01", "99999999999999999999", "", "x-y"])
def test_a_bad_month_is_refused_with_a_message(cast, client_for, month):
    response = client_for(cast.space_member).post(
        _url("digest", cast), {"month": month, "language": "en", "paper": "a4", "columns": "1"}
    )
    assert response.status_code == 422
    assert "month" in response.context["form"].errors


def test_unknown_and_huge_ids_answer_404(cast, client_for):
    client = client_for(cast.space_lead)
    assert client.get(f"/spaces/{cast.space.slug}/print/99999999999999999999/").status_code == 404
    assert client.get(_url("brochure", cast, 123456)).status_code == 404
    assert client.get("/p/99999999999999999999/").status_code == 404
    other = Brochure.objects.create(
        space=cast.other_space, title="x", source="space", created_by=cast.outsider
    )
    # Another space's brochure under this space's address.
    assert client.get(_url("brochure", cast, other.pk)).status_code == 404


def test_a_short_address_leads_on_to_what_the_reader_may_see(cast, client_for):
    public = lesson(cast.space, cast.space_lead, title="Public")
    hidden = lesson(cast.space, cast.space_lead, title="Hidden", visibility="space")
    anon = client_for(cast.anon)
    response = anon.get(reverse("press:go", args=[public.pk]))
    assert response.status_code == 302 and response["Location"] == public.get_absolute_url()
    assert anon.get(reverse("press:go", args=[hidden.pk])).status_code == 404
    member = client_for(cast.space_member).get(reverse("press:go", args=[hidden.pk]))
    assert member.status_code == 302


def test_the_pages_keep_to_the_query_budget(cast, client_for, django_assert_max_num_queries):
    for n in range(15):
        lesson(cast.space, cast.space_lead, title=f"Lesson {n}")
    brochure = _brochure(cast, queued="2026-12-01T00:00Z")
    Brochure.objects.filter(pk=brochure.pk).update(
        item_ids=list(Content.objects.values_list("pk", flat=True))
    )
    for n in range(10):
        _brochure(cast)
    client = client_for(cast.space_lead)
    for url in (
        _url("index", cast),
        _url("new", cast),
        _url("digest", cast),
        _url("brochure", cast, brochure.pk),
    ):
        client.get(url)
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200, url


def test_the_spaces_print_tab_is_shown_to_its_members_only(cast, client_for):
    space_page = reverse("spaces:detail", args=[cast.space.slug])
    index = _url("index", cast)
    for who in ("space_member", "guest", "space_lead"):
        assert index in client_for(getattr(cast, who)).get(space_page).content.decode(), who
    for who in ("member", "steward", "anon"):
        assert index not in client_for(getattr(cast, who)).get(space_page).content.decode(), who


def test_a_facilitator_tries_a_failed_brochure_again(cast, client_for, media, run_on_commit_now):
    brochure = _brochure(cast, status="failed", queued="2026-12-01T00:00Z", error="boom")
    url = _url("brochure", cast, brochure.pk)
    retry = _url("retry", cast, brochure.pk)
    assert retry not in client_for(cast.space_member).get(url).content.decode()
    assert client_for(cast.space_member).post(retry).status_code == 403
    lead = client_for(cast.space_lead)
    assert retry in lead.get(url).content.decode()
    assert lead.get(retry).status_code == 405
    assert lead.post(retry)["Location"] == url
    brochure.refresh_from_db()
    assert brochure.status == "ready"
