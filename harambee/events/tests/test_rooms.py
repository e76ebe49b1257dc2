"""Online rooms: Jitsi tokens, the BigBlueButton client against recorded answers and
its documented checksum, and who gets the join link when. No test reaches a server:
``bbb._fetch`` is replaced by recorded responses (and the suite's network guard
fails any real connection)."""

from __future__ import annotations

import urllib.error
from datetime import timedelta
from urllib.parse import parse_qs, urlparse

import jwt
import pytest
from django.urls import reverse
from django.utils import timezone

from harambee.events import services
from harambee.events.rooms import RoomUnavailable, bbb
from harambee.events.tests.helpers import make_event

pytestmark = pytest.mark.django_db

SECRET = "639259d4-9dd8-4b25-bf01-95f9567eaf4b"

CREATE_OK = b"""<response><returncode>SUCCESS</returncode><meetingID>m</meetingID>
<internalMeetingID>abc-1</internalMeetingID><attendeePW>a</attendeePW><moderatorPW>m</moderatorPW>
<createTime>1531241258036</createTime><hasBeenForciblyEnded>false</hasBeenForciblyEnded>
<messageKey>duplicateWarning</messageKey>
<message>This conference was already in existence and may currently be in progress.</message>
</response>"""
FAILED = b"""<response><returncode>FAILED</returncode><messageKey>checksumError</messageKey>
<message>You did not pass the checksum security check</message></response>"""
RECORDINGS = b"""<response><returncode>SUCCESS</returncode><recordings><recording>
<recordID>ffbfc4cc24428694e8b53a4e144f414052431693-1530718721124</recordID>
<meetingID>c637ba21adcd0191f48f5c4bf23fab0f96ed5c18</meetingID><published>true</published>
<startTime>1530718721134</startTime><endTime>1530718810456</endTime>
<playback><format><type>presentation</type>
<url>https://demo.bigbluebutton.org/playback/presentation/2.0/playback.html?meetingId=ffbf</url>
<length>7</length></format></playback></recording></recordings></response>"""


def test_the_checksum_matches_bigbluebuttons_documented_example():
    query = "name=Test+Meeting&meetingID=abc123&attendeePW=111222&moderatorPW=333444"
    assert bbb.checksum("create", query, SECRET) == "1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17"
    url = bbb.call_url(
        "create",
        {
            "name": "Test Meeting",
            "meetingID": "abc123",
            "attendeePW": "111222",
            "moderatorPW": "333444",
        },
        base="https://bbb.example.org/bigbluebutton/api",
        secret=SECRET,
        algorithm="sha1",
    )
    assert url == (
        "https://bbb.example.org/bigbluebutton/api/create?"
        + query
        + "&checksum=1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17"
    )


def test_sha256_checksums_too():
    import hashlib

    query = "meetingID=abc123"
    expected = hashlib.sha256(f"getRecordings{query}{SECRET}".encode()).hexdigest()
    assert bbb.checksum("getRecordings", query, SECRET, "sha256") == expected
    assert len(expected) == 64


@pytest.fixture
def bbb_server(settings, monkeypatch):
    settings.BBB_URL = "https://bbb.example.org/bigbluebutton/api"
    settings.BBB_SECRET = SECRET
    settings.BBB_CHECKSUM = "sha256"
    answers: list = []
    asked: list[str] = []

    def fetch(url):
        asked.append(url)
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    monkeypatch.setattr(bbb, "_fetch", fetch)
    return answers, asked


def test_join_creates_the_meeting_then_gives_a_signed_link(cast, bbb_server):
    answers, asked = bbb_server
    answers.append(CREATE_OK)
    event = make_event(cast.space_lead, room="bbb")
    url = bbb.join_url(event, cast.member, moderator=False)
    created = urlparse(asked[0])
    assert created.path.endswith("/create")
    params = parse_qs(created.query)
    assert params["meetingID"] == [event.room_name]
    joined = parse_qs(urlparse(url).query)
    assert joined["role"] == ["VIEWER"] and joined["fullName"] == ["Mo Member"]
    # The checksum covers the query as sent, checksum left out.
    query, _, sign = urlparse(url).query.rpartition("&checksum=")
    assert sign == bbb.checksum("join", query, SECRET, "sha256")


def test_recordings_are_read_from_the_recorded_answer(cast, bbb_server):
    answers, _asked = bbb_server
    answers.append(RECORDINGS)
    event = make_event(cast.space_lead, room="bbb")
    found = bbb.recordings(event)
    assert [r.record_id for r in found] == [
        "ffbfc4cc24428694e8b53a4e144f414052431693-1530718721124"
    ]
    assert found[0].url.startswith("https://demo.bigbluebutton.org/playback/")


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (urllib.error.URLError("refused"), "does not answer"),
        (TimeoutError("slow"), "does not answer"),
        (FAILED, "You did not pass the checksum security check"),
        (b"<html>502 Bad Gateway", "cannot be read"),
        (b"<other/>", "refused"),
    ],
)
def test_a_server_down_failing_or_garbled_gives_a_clear_message(cast, bbb_server, answer, words):
    answers, _asked = bbb_server
    answers.append(answer)
    event = make_event(cast.space_lead, room="bbb")
    with pytest.raises(RoomUnavailable) as problem:
        bbb.join_url(event, cast.member, moderator=False)
    assert words in str(problem.value)


def test_the_join_page_says_so_instead_of_a_500(cast, client_for, bbb_server):
    answers, _asked = bbb_server
    answers.append(b"garbage <<<")
    event = make_event(
        cast.space_lead,
        room="bbb",
        join_for="readers",
        starts=timezone.now() + timedelta(minutes=5),
    )
    client = client_for(cast.member)
    response = client.get(reverse("events:join", args=[event.pk]), follow=True)
    assert response.status_code == 200
    assert "cannot be read" in response.content.decode()


def test_jitsi_tokens_name_the_room_expire_soon_and_make_only_organisers_moderators(
    cast, client_for, settings
):
    settings.JITSI_URL = "https://meet.example.org"
    settings.JITSI_APP_ID = "harambee"
    settings.JITSI_SECRET = "s3cret-for-tests-only-0123456789abcdef"
    event = make_event(cast.space_lead, starts=timezone.now() + timedelta(minutes=5))
    services.registration_create(event=event, user=cast.member)
    tokens = {}
    for person in (cast.member, cast.space_lead):
        response = client_for(person).get(reverse("events:join", args=[event.pk]))
        assert response.status_code == 302
        location = urlparse(response["Location"])
        assert location.netloc == "meet.example.org" and location.path == f"/{event.room_name}"
        token = parse_qs(location.query)["jwt"][0]
        tokens[person] = jwt.decode(
            token, settings.JITSI_SECRET, algorithms=["HS256"], audience="jitsi"
        )
    member, lead = tokens[cast.member], tokens[cast.space_lead]
    assert member["room"] == event.room_name and member["iss"] == "harambee"
    assert member["context"]["user"]["moderator"] is False
    assert lead["context"]["user"]["moderator"] is True
    assert member["exp"] - member["iat"] <= 15 * 60
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.decode(
            parse_qs(urlparse(response["Location"]).query)["jwt"][0],
            "another-secret-another-secret-12345",
            algorithms=["HS256"],
            audience="jitsi",
        )


def test_without_a_secret_jitsi_gets_a_plain_room_link(cast, client_for, settings):
    settings.JITSI_URL = "https://meet.jit.si"
    settings.JITSI_APP_ID = ""
    settings.JITSI_SECRET = ""
    event = make_event(
        cast.space_lead, join_for="readers", starts=timezone.now() + timedelta(minutes=5)
    )
    response = client_for(cast.anon).get(reverse("events:join", args=[event.pk]))
    assert response["Location"] == f"https://meet.jit.si/{event.room_name}"


@pytest.mark.parametrize(
    ("join_for", "allowed", "refused"),
    [
        ("readers", ["anon", "member", "space_member"], []),
        ("signed_in", ["member", "space_member"], ["anon"]),
        ("registered", ["space_member"], ["anon", "member"]),
    ],
)
def test_the_join_link_shows_to_whom_the_organiser_chose_from_ten_minutes_before(
    cast, client_for, join_for, allowed, refused
):
    event = make_event(
        cast.space_lead, join_for=join_for, starts=timezone.now() + timedelta(minutes=30)
    )
    services.registration_create(event=event, user=cast.space_member)
    join = reverse("events:join", args=[event.pk])
    # Half an hour before (the window opens ten minutes before; the margin is for a slow
    # machine): nobody yet, not even the organiser.
    for name in [*allowed, *refused, "space_lead"]:
        client = client_for(getattr(cast, name))
        assert join not in client.get(event.get_absolute_url()).content.decode(), name
        assert client.get(join).status_code == 404, name
    from harambee.events.models import Event

    Event.objects.filter(pk=event.pk).update(starts=timezone.now() + timedelta(minutes=9))
    for name in [*allowed, "space_lead"]:
        client = client_for(getattr(cast, name))
        assert join in client.get(event.get_absolute_url()).content.decode(), name
        assert client.get(join).status_code == 302, name
    for name in refused:
        client = client_for(getattr(cast, name))
        assert join not in client.get(event.get_absolute_url()).content.decode(), name
        assert client.get(join).status_code == 404, name


def test_no_join_link_after_the_end_or_for_a_cancelled_event(cast, client_for):
    event = make_event(
        cast.space_lead, join_for="readers", starts=timezone.now() - timedelta(hours=3), hours=1
    )
    assert client_for(cast.member).get(reverse("events:join", args=[event.pk])).status_code == 404
    live = make_event(cast.space_lead, join_for="readers", starts=timezone.now())
    services.event_cancel(actor=cast.space_lead, event=live)
    assert client_for(cast.member).get(reverse("events:join", args=[live.pk])).status_code == 404


def test_organisers_see_the_recordings_or_why_not(cast, client_for, bbb_server):
    answers, _asked = bbb_server
    event = make_event(cast.space_lead, room="bbb", starts=timezone.now() - timedelta(hours=3))
    url = reverse("events:attendance", args=[event.pk])
    answers.append(RECORDINGS)
    page = client_for(cast.space_lead).get(url).content.decode()
    assert "https://demo.bigbluebutton.org/playback/presentation/2.0/playback.html" in page
    answers.append(urllib.error.URLError("down"))
    response = client_for(cast.space_lead).get(url)
    assert response.status_code == 200 and "does not answer" in response.content.decode()


# BigBlueButton's documented answers to ``end``: sent, and no such meeting running.
END_OK = b"""<response>
<returncode>SUCCESS</returncode>
<messageKey>sentEndMeetingRequest</messageKey>
<message>A request to end the meeting was sent. Please wait a few seconds, and then use
the getMeetingInfo or isMeetingRunning API calls to verify that it was ended.</message>
</response>"""
END_NOT_FOUND = b"""<response>
<returncode>FAILED</returncode>
<messageKey>notFound</messageKey>
<message>We could not find a meeting with that meeting ID - perhaps the meeting is not yet
running?</message>
</response>"""


def test_an_organiser_ends_the_meeting_for_everyone(cast, client_for, bbb_server):
    answers, asked = bbb_server
    event = make_event(cast.space_lead, room="bbb")
    url = reverse("events:end_meeting", args=[event.pk])
    page = client_for(cast.space_lead).get(event.get_absolute_url()).content.decode()
    assert url in page
    # Nobody else sees the button, nor may they use the address.
    assert url not in client_for(cast.member).get(event.get_absolute_url()).content.decode()
    assert client_for(cast.member).post(url).status_code == 404
    assert asked == []

    answers.extend([END_OK, END_NOT_FOUND, OSError("down")])
    lead = client_for(cast.space_lead)
    said = lead.post(url, follow=True).content.decode()
    assert "The meeting has ended for everyone in it." in said
    ended = parse_qs(urlparse(asked[0]).query)
    assert urlparse(asked[0]).path.endswith("/end") and ended["meetingID"] == [event.room_name]
    query, _, sign = urlparse(asked[0]).query.rpartition("&checksum=")
    assert sign == bbb.checksum("end", query, SECRET, "sha256")
    assert "The meeting was not running." in lead.post(url, follow=True).content.decode()
    assert "does not answer" in lead.post(url, follow=True).content.decode()
