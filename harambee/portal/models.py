"""The portal's tables: the private feed's key (kept only as a hash), news items,
the front page's text and featured items, and the newsletter's subscribers."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from harambee.core.markdown import render_markdown
from harambee.core.models import Content, Visibility


class FeedToken(models.Model):
    """A person's private feed address. The token itself is shown once, when made;
    only its SHA-256 is stored, so a copy of the database opens nobody's feed."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feed_token"
    )
    digest = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    last_used = models.DateTimeField(_("last used"), null=True, blank=True)

    # A feed reader's fetch changes no page anyone is shown.
    changes_pages = False

    class Meta:
        verbose_name = _("private feed token")
        verbose_name_plural = _("private feed tokens")

    def __str__(self) -> str:
        return f"Feed token #{self.pk}"


class News(Content):
    """A news item written by a steward. A draft is private (its author reads it);
    published, it is public: news is what the alliance tells the world."""

    KIND = "news"

    published = models.DateTimeField(_("publish date"), default=timezone.now)

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    @property
    def is_published(self) -> bool:
        return self.visibility == Visibility.PUBLIC


class FrontPage(models.Model):
    """The front page's own words (one row): what the alliance is, as a steward
    writes it."""

    intro = models.TextField(
        _("what the alliance is"), blank=True, help_text=_("Markdown formatting is allowed.")
    )
    intro_html = models.TextField(editable=False, blank=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("front page")
        verbose_name_plural = _("front page")

    def __str__(self) -> str:
        return "Front page"

    def save(self, *args, **kwargs):
        self.intro_html = render_markdown(self.intro)
        super().save(*args, **kwargs)


class Feature(models.Model):
    """An item a steward put on the front page. Whether it shows is read through the
    gate at every render: an item that stops being public drops off by itself."""

    content = models.OneToOneField(
        Content, on_delete=models.CASCADE, related_name="portal_feature", verbose_name=_("item")
    )
    featured_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(_("featured"), auto_now_add=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("featured item")
        verbose_name_plural = _("featured items")

    def __str__(self) -> str:
        return f"Feature #{self.pk}"


class Subscriber(models.Model):
    """A newsletter address. Unconfirmed until its owner follows the signed link
    mailed to it; only confirmed addresses receive the public digest."""

    email = models.EmailField(_("email address"), max_length=254, unique=True)
    created = models.DateTimeField(_("signed up"), auto_now_add=True)
    confirmed = models.DateTimeField(_("confirmed"), null=True, blank=True)
    confirmation_sent = models.DateTimeField(null=True, blank=True)
    # The newsletter period (``2026-W49``) last sent to this address: a run sends each
    # address its period once.
    last_period = models.CharField(max_length=10, blank=True)

    # Nobody's page shows a subscriber.
    changes_pages = False

    class Meta:
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")
        indexes = [models.Index(fields=["confirmed", "last_period"], name="portal_sub_confirmed")]

    def __str__(self) -> str:
        return f"Subscriber #{self.pk}"


class SignupAttempt(models.Model):
    """A sign-up from one network (a hash of its address), kept an hour: the limit
    holds across every web process because it is counted in the database."""

    source = models.CharField(max_length=64, db_index=True)
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    changes_pages = False

    def __str__(self) -> str:
        return f"Sign-up attempt #{self.pk}"


class NewsletterRun(models.Model):
    """One send of the newsletter for a period: how many addresses it reached."""

    period = models.CharField(max_length=10)
    started = models.DateTimeField(auto_now_add=True)
    finished = models.DateTimeField(null=True, blank=True)
    recipients = models.PositiveIntegerField(default=0)
    items = models.PositiveIntegerField(default=0)

    changes_pages = False

    def __str__(self) -> str:
        return f"Newsletter {self.period}"
