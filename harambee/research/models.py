"""Research collaborations: a question worked on together in a research space, with
contributors and their CRediT roles, a plan of milestones, linked data and outputs,
calls for participation and the submissions that answer them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from harambee.core.markdown import render_markdown
from harambee.core.models import Content


class CreditRole(models.TextChoices):
    """The 14 roles of the CRediT taxonomy (https://credit.niso.org/)."""

    CONCEPTUALIZATION = "conceptualization", _("Conceptualization")
    DATA_CURATION = "data_curation", _("Data curation")
    FORMAL_ANALYSIS = "formal_analysis", _("Formal analysis")
    FUNDING_ACQUISITION = "funding_acquisition", _("Funding acquisition")
    INVESTIGATION = "investigation", _("Investigation")
    METHODOLOGY = "methodology", _("Methodology")
    PROJECT_ADMINISTRATION = "project_administration", _("Project administration")
    RESOURCES = "resources", _("Resources")
    SOFTWARE = "software", _("Software")
    SUPERVISION = "supervision", _("Supervision")
    VALIDATION = "validation", _("Validation")
    VISUALIZATION = "visualization", _("Visualization")
    WRITING_ORIGINAL_DRAFT = "writing_original_draft", _("Writing – original draft")
    WRITING_REVIEW_EDITING = "writing_review_editing", _("Writing – review & editing")


class Collaboration(Content):
    """``title`` is the research question, ``body`` the agenda. The coordinators are the
    author and the co-authors."""

    KIND = "collaboration"

    content_ptr = models.OneToOneField(
        Content,
        parent_link=True,
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="research_collaboration",
    )

    methods = models.TextField(
        _("methods"), blank=True, help_text=_("Markdown formatting is allowed.")
    )
    methods_html = models.TextField(editable=False, blank=True)
    initiatives = models.ManyToManyField(
        "spaces.Space",
        verbose_name=_("linked initiatives"),
        blank=True,
        related_name="research_collaborations",
    )

    class Meta:
        verbose_name = _("research collaboration")
        verbose_name_plural = _("research collaborations")

    def save(self, *args, **kwargs):
        self.methods_html = render_markdown(self.methods)
        super().save(*args, **kwargs)

    def search_text(self) -> str:
        return self.methods


class Contributor(models.Model):
    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="contributors"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="research_roles"
    )
    # CreditRole values, validated by ``services.clean_roles``.
    roles = models.JSONField(_("CRediT roles"), default=list)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("contributor")
        verbose_name_plural = _("contributors")
        constraints = [
            models.UniqueConstraint(
                fields=["collaboration", "user"], name="research_one_contributor_each"
            )
        ]

    def __str__(self) -> str:
        return f"Contributor #{self.pk}"

    def role_labels(self) -> list[str]:
        labels = dict(CreditRole.choices)
        return [str(labels[r]) for r in self.roles if r in labels]


class Milestone(models.Model):
    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="milestones"
    )
    title = models.CharField(_("milestone"), max_length=200)
    due = models.DateField(_("due date"))
    done = models.BooleanField(_("done"), default=False)

    class Meta:
        ordering = ["due", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return f"Milestone #{self.pk}"


class Output(Content):
    """A research output (a report, a paper, a dataset description) of a collaboration;
    its page cites its sources."""

    KIND = "research_output"

    content_ptr = models.OneToOneField(
        Content,
        parent_link=True,
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="research_output",
    )

    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="outputs"
    )

    class Meta:
        verbose_name = _("research output")
        verbose_name_plural = _("research outputs")


class Link(models.Model):
    """An item linked to a collaboration (its data and outputs) or cited by an output
    (its sources). Each is shown only to who may read the item; anyone else sees
    "a restricted item"."""

    holder = models.ForeignKey(Content, on_delete=models.CASCADE, related_name="research_links")
    item = models.ForeignKey(Content, on_delete=models.CASCADE, related_name="+")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("linked item")
        verbose_name_plural = _("linked items")
        constraints = [
            models.UniqueConstraint(fields=["holder", "item"], name="research_one_link_each")
        ]

    def __str__(self) -> str:
        return f"Link #{self.pk}"


class Call(Content):
    """A call for participation in a collaboration: ``title`` says what is sought,
    ``body`` explains it, ``questions`` (one a line) are answered in a submission."""

    KIND = "research_call"

    content_ptr = models.OneToOneField(
        Content,
        parent_link=True,
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="research_call",
    )

    collaboration = models.ForeignKey(Collaboration, on_delete=models.CASCADE, related_name="calls")
    questions = models.TextField(_("questions"), help_text=_("One question a line."))
    deadline = models.DateTimeField(_("deadline"))

    class Meta:
        verbose_name = _("call for participation")
        verbose_name_plural = _("calls for participation")

    def search_text(self) -> str:
        return self.questions

    def question_list(self) -> list[str]:
        return [line.strip() for line in self.questions.splitlines() if line.strip()]

    @property
    def is_open(self) -> bool:
        return timezone.now() <= self.deadline


class Submission(models.Model):
    """One person's answer to a call. Only its author and the call's organisers read it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="submissions")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="research_submissions"
    )
    answers = models.JSONField(_("answers"), default=list)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    note = models.TextField(_("note to the applicant"), blank=True, max_length=2000)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        constraints = [
            models.UniqueConstraint(fields=["call", "author"], name="research_one_submission_each")
        ]

    def __str__(self) -> str:
        return f"Submission #{self.pk}"

    def answered(self) -> list[tuple[str, str]]:
        questions = self.call.question_list()
        answers = list(self.answers) + [""] * max(0, len(questions) - len(self.answers))
        return list(zip(questions, answers, strict=False))
