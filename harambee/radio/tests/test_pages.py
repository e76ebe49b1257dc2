"""The radio pages for each member of the cast: who may open what, that nothing but
public items (and never a reporter's name) reaches a page, a script download, the PDF
or the podcast feed, bad input, and the query budget."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from harambee.radio import services
from harambee.radio.models import BulletinAudio, CallIn, Segment
from harambee.radio.tests.helpers import HIDDEN_KEYS, PUBLIC_KEYS, items, station

pytestmark = pytest.mark.django_db

EVERYONE = ["anon", "outsider", "guest", "member", "space_member", "space_lead", "steward"]
NOT_MANAGERS = ["anon", "outsider", "guest", "member", "space_member", "steward"]


def _client(user) -> Client:
    client = Client()
    if user is not None and user.is_authenticated:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.fixture
def radio(cast, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    found = items(cast)
    s = station(cast)
    published = services.bulletin_create(
        actor=cast.space_lead,
        station=s,
        title="Forest week",
        items=[found[k] for k in PUBLIC_KEYS],
    )
    # Items chosen while public that are hidden now (or slipped in by some other
    # path): the script must leave them out wherever it goes.
    for key in HIDDEN_KEYS:
        Segment.objects.create(bulletin=published, position=50, kind="item", item=found[key])
    services.bulletin_update(
        actor=cast.space_lead,
        bulletin=published,
        title="Forest week",
        words_per_minute=140,
        status="published",
    )
    recording = BulletinAudio.objects.create(
        bulletin=published,
        source="recorded",
        script_hash="x",
        mime="audio/ogg",
        size=4,
    )
    recording.recording.save("r.ogg", _file(b"OggS"), save=True)
    draft = services.bulletin_create(actor=cast.space_lead, station=s, title="DRAFT-BULLETIN")
    services.callin_log(
        actor=cast.space_lead, bulletin=published, how="call", question="CALLIN-SECRET question"
    )
    return {
        "items": found,
        "station": s,
        "published": published,
        "draft": draft,
        "audio": recording,
    }


def _file(data: bytes):
    from django.core.files.base import ContentFile

    return ContentFile(data)


def _public_urls(radio) -> list[str]:
    b = radio["published"].pk
    slug = radio["station"].slug
    return [
        reverse("radio:stations"),
        reverse("radio:station", args=[slug]),
        reverse("radio:podcast", args=[slug]),
        reverse("radio:bulletin", args=[b]),
        reverse("radio:script_text", args=[b]),
        reverse("radio:script_html", args=[b]),
    ]


def _pdf_text(data: bytes) -> str:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(data)
    return "\n".join(pdf[n].get_textpage().get_text_range() for n in range(len(pdf)))


@pytest.mark.parametrize("who", EVERYONE)
def test_public_pages_carry_the_public_items_and_nothing_else(cast, radio, who):
    client = _client(getattr(cast, who))
    for url in _public_urls(radio):
        response = client.get(url)
        assert response.status_code == 200, url
        body = b"".join(response) if response.streaming else response.content
        text = body.decode()
        assert "HIDDEN" not in text, url
        assert "CALLIN-SECRET" not in text or who == "space_lead", url
        if "bulletins" in url:
            for key in PUBLIC_KEYS:
                assert radio["items"][key].title in text, (url, key)
            assert "A community reporter" in text
    pdf = client.get(reverse("radio:script_pdf", args=[radio["published"].pk]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    text = _pdf_text(pdf.content)
    assert "PUBLIC-LESSON" in text and "PUBLIC-REPORT" in text and "A community reporter" in text
    assert "HIDDEN" not in text


def test_the_podcast_feed_lists_published_bulletins_with_enclosures(cast, radio):
    from xml.etree import ElementTree as ET

    response = _client(None).get(reverse("radio:podcast", args=[radio["station"].slug]))
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    entries = root.findall("./channel/item")
    assert [e.findtext("title") for e in entries] == ["Forest week"]
    enclosure = entries[0].find("enclosure")
    assert enclosure.get("type") == "audio/ogg" and enclosure.get("length") == "4"
    assert enclosure.get("url").endswith(
        reverse("radio:audio_file", args=[radio["audio"].pk, "recording"])
    )
    itunes = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
    assert entries[0].find(f"{itunes}duration") is not None
    assert root.find(f"./channel/{itunes}author").text == "Radio Techiman"
    assert b"DRAFT-BULLETIN" not in response.content


@pytest.mark.parametrize("who", NOT_MANAGERS)
def test_a_draft_and_its_files_are_hidden_from_all_but_the_facilitators(cast, radio, who):
    client = _client(getattr(cast, who))
    draft = radio["draft"].pk
    for name in ("bulletin", "script_text", "script_html", "script_pdf", "builder"):
        response = client.get(reverse(f"radio:{name}", args=[draft]))
        if who == "anon" and name == "builder":
            assert response.status_code == 302
        else:
            assert response.status_code == 404, name
    page = client.get(reverse("radio:station", args=[radio["station"].slug])).content.decode()
    assert "DRAFT-BULLETIN" not in page


@pytest.mark.parametrize("who", NOT_MANAGERS)
def test_only_facilitators_build_a_published_bulletin(cast, radio, who):
    client = _client(getattr(cast, who))
    b = radio["published"].pk
    expected = 302 if who == "anon" else 403
    assert client.get(reverse("radio:builder", args=[b])).status_code == expected
    assert client.get(reverse("radio:bulletin_new", args=[radio["station"].slug])).status_code in (
        expected,
    )
    answer = client.post(reverse("radio:callins", args=[b]), {"how": "call", "question": "x"})
    assert answer.status_code == expected
    assert not CallIn.objects.filter(question="x").exists()


def test_the_space_radio_page_is_for_its_facilitators(cast, radio):
    url = reverse("radio:space", args=[cast.space.slug])
    assert _client(cast.space_lead).get(url).status_code == 200
    assert _client(cast.space_member).get(url).status_code == 403
    assert _client(cast.outsider).get(url).status_code == 404


def test_a_facilitator_builds_a_bulletin_without_javascript(cast, radio, run_on_commit_now):
    client = _client(cast.space_lead)
    items_ = radio["items"]
    new = client.get(reverse("radio:bulletin_new", args=[radio["station"].slug]))
    page = new.content.decode()
    assert "PUBLIC-STORY" in page and "HIDDEN" not in page
    answer = client.post(
        reverse("radio:bulletin_new", args=[radio["station"].slug]),
        {
            "title": "Water week",
            "language": "en",
            "words_per_minute": "150",
            "items": [str(items_["story"].pk)],
        },
    )
    assert answer.status_code == 302
    bulletin = radio["station"].bulletins.get(title="Water week")
    builder = reverse("radio:builder", args=[bulletin.pk])
    page = client.get(builder).content.decode()
    assert "PUBLIC-STORY" in page and "HIDDEN" not in page
    assert (
        client.post(
            reverse("radio:segment_add", args=[bulletin.pk]), {"item": str(items_["lesson"].pk)}
        ).status_code
        == 302
    )
    # A hidden item's number, typed by hand: refused with a message, nothing added.
    refused = client.post(
        reverse("radio:segment_add", args=[bulletin.pk]),
        {"item": str(items_["hidden_lesson"].pk)},
    )
    assert refused.status_code == 422
    assert "Only public lessons" in refused.content.decode()
    assert "HIDDEN" not in refused.content.decode()
    assert (
        client.post(
            reverse("radio:segment_add", args=[bulletin.pk]),
            {"kind": "cue", "speaker": "", "text": "Drums"},
        ).status_code
        == 302
    )
    segment = bulletin.segments.order_by("-position").first()
    assert (
        client.post(
            reverse("radio:segment_edit", args=[bulletin.pk, segment.pk]), {"action": "up"}
        ).status_code
        == 302
    )
    assert (
        client.post(
            reverse("radio:segment_edit", args=[bulletin.pk, segment.pk]),
            {"speaker": "", "text": "Horns"},
        ).status_code
        == 302
    )
    segment.refresh_from_db()
    assert segment.text == "Horns"
    assert (
        client.post(
            builder, {"title": "Water week", "words_per_minute": "150", "status": "published"}
        ).status_code
        == 302
    )
    bulletin.refresh_from_db()
    assert bulletin.is_published
    text = _client(None).get(reverse("radio:script_text", args=[bulletin.pk])).content.decode()
    assert "PUBLIC-STORY" in text and "PUBLIC-LESSON" in text and "[Music or sound: Horns]" in text
    logged = client.post(
        reverse("radio:callins", args=[bulletin.pk]),
        {"how": "sms", "listener": "", "place": "Kintampo", "question": "When is the walk?"},
    )
    assert logged.status_code == 302
    assert CallIn.objects.filter(bulletin=bulletin, place="Kintampo").exists()


@pytest.mark.parametrize(
    "data",
    [
        {"title": "", "words_per_minute": "150", "status": "draft"},
        {"title": "x", "words_per_minute": "99999999999999999999", "status": "draft"},
        {"title": "x", "words_per_minute": "150", "status": "on-air"},
    ],
)
def test_bad_bulletin_settings_get_a_message_and_keep_the_text(cast, radio, data):
    client = _client(cast.space_lead)
    answer = client.post(reverse("radio:builder", args=[radio["draft"].pk]), data)
    assert answer.status_code == 422
    assert 'class="errorlist' in answer.content.decode()


@pytest.mark.parametrize("value", ["99999999999999999999", "-1", "abc", "0", "1e9"])
def test_a_bad_item_number_is_a_message_not_a_500(cast, radio, value):
    answer = _client(cast.space_lead).post(
        reverse("radio:segment_add", args=[radio["draft"].pk]), {"item": value}
    )
    assert answer.status_code == 422


def test_huge_ids_are_404(cast, radio):
    client = _client(cast.space_lead)
    huge = 99999999999999999999
    for url in (
        f"/radio/bulletins/{huge}/",
        f"/radio/bulletins/{huge}/script.pdf",
        f"/radio/bulletins/{huge}/build/",
        f"/radio/audio/{huge}/mp3/",
        f"/radio/bulletins/{radio['draft'].pk}/segments/{huge}/",
        "/radio/no-such-station/",
        "/radio/no-such-station/podcast.xml",
        f"/radio/audio/{radio['audio'].pk}/nonsense/",
    ):
        assert client.get(url).status_code == 404, url


def test_a_station_form_refuses_bad_values_and_keeps_them(cast, radio):
    client = _client(cast.space_lead)
    answer = client.post(
        reverse("radio:station_new", args=[cast.space.slug]),
        {
            "name": "Radio <b>Kintampo</b>",
            "slug": "radio-techiman",
            "language": "ak",
            "country": "GH",
            "weekday": "9",
            "air_time": "25:99",
            "timezone_name": "Mars/Olympus",
        },
    )
    assert answer.status_code == 422
    page = answer.content.decode()
    assert "Radio &lt;b&gt;Kintampo&lt;/b&gt;" in page
    reserved = client.post(
        reverse("radio:station_new", args=[cast.space.slug]),
        {
            "name": "Radio Bono",
            "slug": "bulletins",
            "language": "ak",
            "country": "GH",
            "weekday": "4",
            "air_time": "18:00",
            "timezone_name": "Africa/Accra",
        },
    )
    assert reserved.status_code == 422
    taken = client.post(
        reverse("radio:station_new", args=[cast.space.slug]),
        {
            "name": "Radio Bono",
            "slug": "radio-techiman",
            "language": "ak",
            "country": "GH",
            "weekday": "4",
            "air_time": "18:00",
            "timezone_name": "Africa/Accra",
        },
    )
    assert taken.status_code == 422
    assert "Another station has this short name." in taken.content.decode()
    made = client.post(
        reverse("radio:station_new", args=[cast.space.slug]),
        {
            "name": "Radio Bono",
            "slug": "radio-bono",
            "language": "ak",
            "country": "GH",
            "weekday": "4",
            "air_time": "18:00",
            "timezone_name": "Africa/Accra",
        },
    )
    assert made.status_code == 302 and made["Location"] == "/radio/radio-bono/"


@pytest.mark.parametrize("who", ["anon", "space_lead"])
def test_pages_stay_within_the_query_budget(cast, radio, who, django_assert_max_num_queries):
    client = _client(getattr(cast, who))
    urls = _public_urls(radio) + [reverse("radio:script_pdf", args=[radio["published"].pk])]
    if who == "space_lead":
        urls += [
            reverse("radio:builder", args=[radio["published"].pk]),
            reverse("radio:bulletin_new", args=[radio["station"].slug]),
            reverse("radio:space", args=[cast.space.slug]),
            reverse("radio:station_edit", args=[radio["station"].slug]),
        ]
    for url in urls:
        client.get(url)  # warm the per-process caches
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200, url


def test_the_audio_file_answers_only_who_may_read_the_bulletin(cast, radio):
    url = reverse("radio:audio_file", args=[radio["audio"].pk, "recording"])
    response = _client(None).get(url)
    assert response.status_code == 200 and b"".join(response) == b"OggS"
    assert response["Content-Disposition"].startswith("attachment")
    draft_audio = BulletinAudio.objects.create(
        bulletin=radio["draft"], source="recorded", script_hash="y", mime="audio/ogg"
    )
    draft_audio.recording.save("d.ogg", _file(b"OggS"), save=True)
    hidden = reverse("radio:audio_file", args=[draft_audio.pk, "recording"])
    assert _client(None).get(hidden).status_code == 404
    assert _client(cast.space_member).get(hidden).status_code == 404
    assert _client(cast.space_lead).get(hidden).status_code == 200


def test_an_sms_from_the_inbox_is_logged_against_the_bulletin_once(cast, radio):
    from harambee.reach.models import Message

    contact = radio["items"]["report"].contact
    contact.place = "Nkoranza"
    contact.save()
    sms = Message.objects.create(
        direction="in",
        channel="console",
        contact=contact,
        phone=contact.phone,
        provider_id="radio-1",
        body="Yes, the firebreaks worked in our village",
        status="processed",
        space=cast.space,
        in_inbox=True,
    )
    client = _client(cast.space_lead)
    builder = reverse("radio:builder", args=[radio["draft"].pk])
    page = client.get(builder).content.decode()
    assert "Yes, the firebreaks worked" in page and contact.phone not in page
    url = reverse("radio:callins", args=[radio["draft"].pk])
    assert client.post(url, {"message": str(sms.pk)}).status_code == 302
    logged = CallIn.objects.get(message=sms)
    assert (logged.how, logged.place) == ("sms", "Nkoranza")
    sms.refresh_from_db()
    assert not sms.in_inbox
    # Gone from the inbox: a second try is a 404, not a second row.
    assert client.post(url, {"message": str(sms.pk)}).status_code == 404
    assert client.post(url, {"message": "99999999999999999999"}).status_code == 404
    assert CallIn.objects.filter(message=sms).count() == 1
    # Never on the public page.
    services.bulletin_update(
        actor=cast.space_lead,
        bulletin=radio["draft"],
        title="x",
        words_per_minute=140,
        status="published",
    )
    public = _client(None).get(reverse("radio:bulletin", args=[radio["draft"].pk]))
    assert "firebreaks worked" not in public.content.decode()


def test_the_pdf_keeps_twi_letters_and_accents(cast, radio):
    s = station(cast, language="ak", slug="radio-bono", name="Radio Bono")
    bulletin = services.bulletin_create(
        actor=cast.space_lead, station=s, title="Nsɛm a ɛfa kwaeɛ ho", intro="Mema mo akwaaba."
    )
    services.segment_add(
        actor=cast.space_lead,
        bulletin=bulletin,
        kind="host",
        speaker="Ɔkyerɛkyerɛfoɔ",
        text="Yɛbɛkɔ so aka ŋkɔmmɔ no. Café à Bono.",
    )
    answer = _client(cast.space_lead).get(reverse("radio:script_pdf", args=[bulletin.pk]))
    text = _pdf_text(answer.content)
    for word in ("Nsɛm", "Yɛbɛkɔ", "ŋkɔmmɔ", "Café à", "Ɔkyerɛkyerɛfoɔ"):
        assert word in text, word


def test_lists_and_the_builder_ask_the_same_queries_for_10_or_100_rows(cast, radio):
    from harambee.core.tests.querycount import assert_constant_queries

    s, found = radio["station"], radio["items"]
    bulletin = radio["published"]

    def add_bulletins(n):
        for i in range(n):
            made = services.bulletin_create(actor=cast.space_lead, station=s, title=f"B{i}")
            services.bulletin_update(
                actor=cast.space_lead,
                bulletin=made,
                title=f"B{i}",
                words_per_minute=140,
                status="published",
            )
            BulletinAudio.objects.create(
                bulletin=made, source="recorded", script_hash="x", mime="audio/ogg", size=4
            )

    def add_segments(n):
        for _ in range(n):
            services.segment_add(
                actor=cast.space_lead, bulletin=bulletin, kind="item", item=found["lesson"]
            )

    def add_stations(n):
        for i in range(n):
            station(cast, slug=f"s-{len(s.slug)}-{i}-{n}", name=f"S{i}")

    lead, anon = _client(cast.space_lead), _client(None)
    assert_constant_queries(anon, reverse("radio:podcast", args=[s.slug]), add_bulletins)
    assert_constant_queries(lead, reverse("radio:station", args=[s.slug]), lambda n: None)
    assert_constant_queries(lead, reverse("radio:builder", args=[bulletin.pk]), add_segments)
    assert_constant_queries(anon, reverse("radio:bulletin", args=[bulletin.pk]), add_segments)
    assert_constant_queries(anon, reverse("radio:stations"), add_stations)


def test_an_item_is_added_by_its_address_and_a_hidden_one_is_refused(cast, radio):
    client = _client(cast.space_lead)
    url = reverse("radio:segment_add", args=[radio["draft"].pk])
    lesson = radio["items"]["lesson"]
    answer = client.post(url, {"item": f"https://harambee.example.org{lesson.get_absolute_url()}"})
    assert answer.status_code == 302
    assert radio["draft"].segments.filter(item=lesson).exists()
    hidden = radio["items"]["hidden_lesson"]
    refused = client.post(url, {"item": hidden.get_absolute_url()})
    assert refused.status_code == 422
    page = refused.content.decode()
    assert "Only public lessons" in page and hidden.get_absolute_url() in page
    assert "HIDDEN-LESSON" not in page
    nowhere = client.post(url, {"item": "/no/such/page/"})
    assert nowhere.status_code == 422
    assert "Give the address or the number of an item." in nowhere.content.decode()
