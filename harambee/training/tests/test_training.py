from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from harambee.core.tests.factories import PostFactory
from harambee.initiatives.models import Initiative, LearningNote
from harambee.spaces.models import Space
from harambee.training import selectors, services
from harambee.training.models import Certificate, Item
from harambee.training.progress import percent
from harambee.training.tests.helpers import make_programme

pytestmark = pytest.mark.django_db


@given(st.integers(0, 500), st.integers(0, 500))
def test_progress_is_never_over_100_and_100_only_when_all_is_done(done, total):
    value = percent(done, total)
    assert 0 <= value <= 100
    assert (value == 100) == (total > 0 and done >= total)


@given(st.integers(1, 300).flatmap(lambda t: st.tuples(st.integers(0, t), st.just(t))))
def test_adding_a_step_never_raises_progress_and_removing_an_open_one_never_lowers_it(pair):
    done, total = pair
    assert percent(done, total + 1) <= percent(done, total)
    if done < total:
        assert percent(done, total - 1) >= percent(done, total)


def _steps(module):
    return list(module.items.order_by("position"))


def test_progress_follows_the_module_as_it_changes(cast):
    programme, module, _competency = make_programme(cast)
    wiki, _reflection, assignment = _steps(module)
    learner = cast.space_member
    services.item_mark(learner=learner, item=wiki, done=True)
    services.item_mark(learner=learner, item=wiki, done=True)  # twice counts once
    assert selectors.progress_of(learner=learner, programme=programme) == 33
    added = services.item_add(
        actor=cast.space_lead, module=module, kind=Item.Kind.ASSIGNMENT, title="Another"
    )
    assert selectors.progress_of(learner=learner, programme=programme) == 25
    services.item_remove(actor=cast.space_lead, item=added)
    services.item_remove(actor=cast.space_lead, item=assignment)
    assert selectors.progress_of(learner=learner, programme=programme) == 50
    for item in _steps(module):
        services.item_mark(learner=learner, item=item, done=True)
    assert selectors.progress_of(learner=learner, programme=programme) == 100


def test_a_reflection_is_a_private_learning_note_and_marks_the_prompt_done(cast):
    programme, module, _c = make_programme(cast)
    prompt = _steps(module)[1]
    initiative = Initiative.objects.create(space=cast.space)
    reflection = services.reflection_write(
        learner=cast.space_member,
        item=prompt,
        initiative=initiative,
        title="What I heard",
        learned="People wait to speak.",
    )
    note = LearningNote.objects.get(pk=reflection.note_id)
    assert note.visibility == "private" and note.author == cast.space_member
    assert selectors.progress_of(learner=cast.space_member, programme=programme) == 33
    # The existing note → lesson path takes it further.
    page = reverse("initiatives:lesson_create", args=[note.pk])
    from django.test import Client

    client = Client()
    client.force_login(cast.space_member)
    assert client.get(page).status_code == 200


def test_evidence_the_facilitators_cannot_see_is_refused_with_a_message(cast):
    programme, _module, competency = make_programme(cast)
    private = PostFactory(space=None, author=cast.space_member, visibility="private")
    with pytest.raises(ValidationError) as refused:
        services.evidence_add(
            learner=cast.space_member, programme=programme, competency=competency, content=private
        )
    assert "facilitators cannot see" in str(refused.value)
    with pytest.raises(ValidationError):
        services.competency_recognise(
            reviewer=cast.space_lead,
            programme=programme,
            learner=cast.space_member,
            competency=competency,
        )
    shared = PostFactory(space=None, author=cast.space_member, visibility="alliance")
    services.evidence_add(
        learner=cast.space_member, programme=programme, competency=competency, content=shared
    )
    recognition = services.competency_recognise(
        reviewer=cast.space_lead,
        programme=programme,
        learner=cast.space_member,
        competency=competency,
    )
    assert recognition.reviewer == cast.space_lead


def test_evidence_page_refuses_hidden_items_and_hostile_ids_with_a_message(cast, client_for):
    programme, _module, competency = make_programme(cast)
    private = PostFactory(space=None, author=cast.space_member, visibility="private")
    client = client_for(cast.space_member)
    url = reverse("training:evidence", args=[programme.pk])
    response = client.post(url, {"competency": competency.pk, "content": private.pk})
    assert response.status_code == 422
    assert "facilitators cannot see" in response.content.decode()
    for hostile in ("99999999999999999999", "-1", "<script>", "1 OR 1=1"):
        response = client.post(url, {"competency": hostile, "content": hostile})
        assert response.status_code == 422


def _finish(cast, programme, module):
    for item in _steps(module):
        services.item_mark(learner=cast.space_member, item=item, done=True)


def test_certificate_needs_every_step_done(cast):
    programme, module, _c = make_programme(cast)
    with pytest.raises(ValidationError):
        services.certificate_issue(
            actor=cast.space_lead, programme=programme, learner=cast.space_member
        )
    _finish(cast, programme, module)
    certificate = services.certificate_issue(
        actor=cast.space_lead, programme=programme, learner=cast.space_member
    )
    assert len(certificate.token) >= 32 and str(certificate.pk) != certificate.token


def test_certificate_verifies_revokes_and_forged_ids_answer_404(cast, client_for):
    programme, module, _c = make_programme(cast)
    _finish(cast, programme, module)
    lead = client_for(cast.space_lead)
    lead.post(reverse("training:certificate_issue", args=[programme.pk, cast.space_member.pk]))
    certificate = Certificate.objects.get()
    anon = client_for(None)
    page = anon.get(certificate.get_absolute_url()).content.decode()
    assert "Sam Spacemember" in page and "Facilitating dialogue" in page and "Valid" in page
    assert "<svg" in page  # the QR code, inline
    pdf = anon.get(reverse("training:pdf", args=[certificate.token]))
    assert pdf.content.startswith(b"%PDF")
    # Change the last character to one it is not (the token is random: "x" may already be it).
    flipped = certificate.token[:-1] + ("y" if certificate.token.endswith("x") else "x")
    assert flipped != certificate.token
    for forged in (flipped, str(certificate.pk), "x" * 200):
        assert anon.get(reverse("training:verify", args=[forged])).status_code == 404
    # Only a facilitator revokes; then the same address says so.
    revoke = reverse("training:revoke", args=[certificate.token])
    assert client_for(cast.space_member).post(revoke, {"reason": "x"}).status_code == 404
    assert lead.post(revoke, {"reason": ""}).status_code == 422
    lead.post(revoke, {"reason": "Issued in error"})
    page = anon.get(certificate.get_absolute_url()).content.decode()
    assert "Revoked" in page and "no longer holds" in page
    assert anon.get(reverse("training:pdf", args=[certificate.token])).status_code == 404


def test_the_pdf_fetches_nothing(cast):
    from harambee.core.pdf import SafeFetcher
    from harambee.training.certificate import CSS, qr_svg

    fetcher = SafeFetcher()
    from harambee.core.pdf import render_pdf

    html = f'<p>{qr_svg("https://example.org/c/x")}</p><img src="http://169.254.169.254/">'
    assert render_pdf(html, stylesheets=[CSS], fetcher=fetcher).startswith(b"%PDF")
    assert fetcher.refused == ["http://169.254.169.254/"]


def test_a_secret_programme_is_404_to_outsiders_and_shown_to_its_members(cast, client_for):
    programme, module, _c = make_programme(cast, listing=Space.Listing.SECRET, title="Hush")
    urls = [
        programme.get_absolute_url(),
        module.get_absolute_url(),
        reverse("training:evidence", args=[programme.pk]),
    ]
    for who in (cast.outsider, cast.member, cast.guest):
        for url in urls:
            assert client_for(who).get(url).status_code == 404, (who, url)
        assert "Hush" not in client_for(who).get(reverse("training:programmes")).content.decode()
    member = client_for(cast.space_member)
    for url in urls:
        assert member.get(url).status_code == 200
    assert "Hush" in member.get(reverse("training:programmes")).content.decode()


def test_learners_page_is_for_facilitators_only(cast, client_for):
    programme, _module, _c = make_programme(cast)
    url = reverse("training:learners", args=[programme.pk])
    assert client_for(cast.space_member).get(url).status_code == 403
    page = client_for(cast.space_lead).get(url).content.decode()
    assert "Sam Spacemember" in page


def test_pathway_shows_progress_to_the_learner_and_facilitators_and_only_visible_evidence(
    cast, client_for
):
    programme, module, competency = make_programme(cast)
    services.item_mark(learner=cast.space_member, item=_steps(module)[0], done=True)
    shown = PostFactory(
        space=programme.space, author=cast.space_member, visibility="space", title="EVIDSPACE"
    )
    services.evidence_add(
        learner=cast.space_member, programme=programme, competency=competency, content=shown
    )
    url = reverse("training:pathway", args=[cast.space_member.pk])
    own = client_for(cast.space_member).get(url).content.decode()
    assert "Progress: 33 %" in own and "EVIDSPACE" in own
    lead = client_for(cast.space_lead).get(url).content.decode()
    assert "Progress: 33 %" in lead and "EVIDSPACE" in lead
    other = client_for(cast.member).get(url).content.decode()
    assert "Facilitating dialogue" in other  # a members-listed programme
    assert "Progress:" not in other and "EVIDSPACE" not in other
    assert client_for(None).get(url).status_code == 404


def test_marking_done_through_the_page(cast, client_for):
    programme, module, _c = make_programme(cast)
    wiki = _steps(module)[0]
    client = client_for(cast.space_member)
    response = client.post(reverse("training:item_mark", args=[wiki.pk]), {"done": "1"})
    assert response.status_code == 302
    page = client.get(module.get_absolute_url()).content.decode()
    assert 'value="33"' in page
    client.post(reverse("training:item_mark", args=[wiki.pk]), {"done": "0"})
    assert selectors.progress_of(learner=cast.space_member, programme=programme) == 0
    # Not enrolled: refused.
    assert (
        client_for(cast.member)
        .post(reverse("training:item_mark", args=[wiki.pk]), {"done": "1"})
        .status_code
        == 403
    )


def test_pages_keep_to_a_fixed_number_of_queries(cast, client_for, django_assert_max_num_queries):
    programme, module, _c = make_programme(cast)
    for n in range(15):
        services.item_add(
            actor=cast.space_lead, module=module, kind=Item.Kind.ASSIGNMENT, title=f"Task {n}"
        )
    lead = client_for(cast.space_lead)
    for url in (
        programme.get_absolute_url(),
        module.get_absolute_url(),
        reverse("training:learners", args=[programme.pk]),
        reverse("training:pathway", args=[cast.space_member.pk]),
        reverse("training:programmes"),
    ):
        with django_assert_max_num_queries(12):
            assert lead.get(url).status_code == 200, url


def test_add_step_form_answers_bad_input_with_a_message(cast, client_for):
    _programme, module, _c = make_programme(cast)
    url = reverse("training:item_add", args=[module.pk])
    lead = client_for(cast.space_lead)
    assert lead.get(url).status_code == 200
    response = lead.post(url, {"kind": "wiki", "content": ""})
    assert response.status_code == 422 and "Choose an item you can see" in response.content.decode()
    response = lead.post(url, {"kind": "assignment", "title": "\u202e  "})
    assert response.status_code == 422
    assert client_for(cast.space_member).get(url).status_code == 403
