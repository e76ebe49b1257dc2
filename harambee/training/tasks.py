"""Background work for training. Tasks take ids and are idempotent."""

from __future__ import annotations

from django_tasks import task

from harambee.spaces.models import Membership


@task()
def place_learner(membership_id: int) -> int:
    """Place a newly enrolled learner in a cohort (``services.learner_enrolled``);
    how many places were made."""
    from harambee.training import services

    membership = (
        Membership.objects.active()
        .select_related("user", "space")
        .filter(pk=membership_id, space__kind="programme")
        .first()
    )
    if membership is None or not membership.user.is_active:
        return 0
    return len(services.learner_enrolled(learner=membership.user, space=membership.space))
