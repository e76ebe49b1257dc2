"""The demo's research collaboration: community forest monitoring across the Ghana forum
and the Petén concessions, with CRediT roles, a plan, a call with a submission and an
output citing its sources."""

from __future__ import annotations

from harambee.research.models import Collaboration, Link, Submission


def test_the_demo_has_a_forest_monitoring_collaboration_across_two_initiatives(
    demo, loaded_demo, client_for
):
    assert loaded_demo["research_collaborations"] == 1
    collaboration = Collaboration.objects.get()
    assert collaboration.space.kind == "research"
    assert sorted(s.kind for s in collaboration.initiatives.all()) == ["initiative"] * 2
    assert collaboration.contributors.count() == 4
    assert collaboration.milestones.filter(done=True).count() == 2
    assert Link.objects.filter(holder=collaboration).count() >= 3
    output = collaboration.outputs.get()
    assert Link.objects.filter(holder=output).exists()
    submission = Submission.objects.select_related("call").get()
    assert submission.call.collaboration_id == collaboration.pk
    page = client_for(demo["priya"]).get(collaboration.get_absolute_url()).content.decode()
    assert "Methodology" in page and "Joint sense-making workshop" in page
    call_page = client_for(demo["priya"]).get(submission.call.get_absolute_url()).content.decode()
    assert "Letsitele valley" in call_page
    # Another member reads the call but not the submission.
    other = client_for(demo["kwame"]).get(submission.call.get_absolute_url()).content.decode()
    assert "Co-researchers wanted" in other and "Letsitele valley" not in other
