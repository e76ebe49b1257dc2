"""The demo's training programme: a regional partner, a cohort with its learners, two
modules, some progress, a recognised competency and one certificate that verifies."""

from __future__ import annotations

import pytest
from django.urls import reverse

from harambee.training.models import Certificate, Programme, Recognition
from harambee.training.selectors import progress_of

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_programme_with_progress_and_one_certificate(demo, client_for):
    programme = Programme.objects.get()
    assert programme.partner.name == "Cape Centre for Complexity and Change"
    assert programme.cohorts.count() == 1 and programme.modules.count() == 2
    cohort = programme.cohorts.get()
    placed = {p.learner for p in cohort.placements.all()}
    assert len(placed) == 9 and {demo["grace"], demo["akosua"], demo["mateo"]} <= placed
    assert progress_of(learner=demo["grace"], programme=programme) == 100
    assert 0 < progress_of(learner=demo["akosua"], programme=programme) < 100
    assert Recognition.objects.filter(learner=demo["grace"]).count() == 1
    certificate = Certificate.objects.get()
    assert certificate.holder == demo["grace"] and certificate.revoked is None
    page = client_for(None).get(certificate.get_absolute_url()).content.decode()
    assert "Valid" in page and programme.title in page
    for url in (programme.get_absolute_url(), reverse("training:mine")):
        assert client_for(demo["grace"]).get(url).status_code == 200
