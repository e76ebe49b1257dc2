from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from harambee.core.markdown import render_markdown
from harambee.core.models import Content
from harambee.people.roles import Perm, SpaceRole, space_may


class SpaceAction(models.TextChoices):
    """What the audit log records of spaces, memberships and threads."""

    MEMBER_JOINED = "member_joined", _("joined")
    MEMBER_LEFT = "member_left", _("left")
    MEMBER_REMOVED = "member_removed", _("removed a member")
    ROLE_CHANGED = "role_changed", _("changed a role")
    REQUEST_MADE = "request_made", _("asked to join")
    REQUEST_APPROVED = "request_approved", _("approved a join request")
    REQUEST_DECLINED = "request_declined", _("declined a join request")
    INVITATION_SENT = "invitation_sent", _("sent an invitation")
    INVITATION_ACCEPTED = "invitation_accepted", _("accepted an invitation")
    SPACE_CREATED = "space_created", _("created a space")
    SPACE_CHANGED = "space_changed", _("changed a space's settings")
    THREAD_PINNED = "thread_pinned", _("pinned a thread")
    THREAD_UNPINNED = "thread_unpinned", _("unpinned a thread")
    THREAD_LOCKED = "thread_locked", _("locked a thread")
    THREAD_UNLOCKED = "thread_unlocked", _("unlocked a thread")
    THREAD_ANSWERED = "thread_answered", _("marked a question answered")
    THREAD_SUMMARISED = "thread_summarised", _("summarised a thread")
    THREAD_GUEST_ENDED = "thread_guest_ended", _("ended an outside voice's access")


class Space(models.Model):
    class Type(models.TextChoices):
        INITIATIVE = "initiative", _("Initiative")
        WORKING_GROUP = "working_group", _("Working group")
        DISCUSSION_GROUP = "discussion_group", _("Discussion group")
        RESEARCH = "research", _("Research collaboration")
        PROGRAMME = "programme", _("Training programme")

    class Listing(models.TextChoices):
        PUBLIC = "public", _("Listed publicly")
        MEMBERS = "members", _("Listed to alliance members")
        SECRET = "secret", _("Secret: only its members know it exists")

    class JoinPolicy(models.TextChoices):
        OPEN = "open", _("Open: anyone who can see it may join")
        REQUEST = "request", _("Request: a lead approves each request")
        INVITATION = "invitation", _("Invitation only")
        CODE = "code", _("Invite code")

    kind = models.CharField(_("kind"), max_length=20, choices=Type.choices)
    name = models.CharField(_("name"), max_length=160)
    slug = models.SlugField(_("web address"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    description_html = models.TextField(editable=False, blank=True)
    listing = models.CharField(
        _("who can find it"), max_length=10, choices=Listing.choices, default=Listing.MEMBERS
    )
    join_policy = models.CharField(
        _("how people join"), max_length=12, choices=JoinPolicy.choices, default=JoinPolicy.REQUEST
    )
    invite_code = models.CharField(
        _("invite code"),
        max_length=64,
        blank=True,
        help_text=_("People who know this code may join. Needed when joining is by invite code."),
    )
    created = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("space")
        verbose_name_plural = _("spaces")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):

        self.description_html = render_markdown(self.description)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("spaces:detail", args=[self.slug])


class MembershipQuerySet(models.QuerySet):
    def active(self) -> MembershipQuerySet:
        return self.filter(Q(expires__isnull=True) | Q(expires__gt=timezone.now()))


class Membership(models.Model):
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(
        _("role"), max_length=12, choices=SpaceRole.choices, default=SpaceRole.MEMBER
    )
    joined = models.DateTimeField(auto_now_add=True)
    expires = models.DateTimeField(
        _("access ends"),
        null=True,
        blank=True,
        help_text=_("For invited guests with limited time."),
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["joined"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["space", "user"], name="one_membership_per_space")
        ]
        indexes = [models.Index(fields=["user", "space"], name="membership_user_space")]

    def __str__(self) -> str:
        return f"{self.user} · {self.space} ({self.get_role_display()})"

    @property
    def is_active(self) -> bool:
        return self.expires is None or self.expires > timezone.now()

    def may(self, perm: Perm | str) -> bool:
        return self.is_active and space_may(self.role, perm)


class JoinRequest(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a decision")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="join_requests")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="join_requests"
    )
    message = models.TextField(_("message to the leads"), max_length=2000, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created = models.DateTimeField(auto_now_add=True)
    decided = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # When the leads and, later, the requester were emailed: tasks send each mail once.
    leads_told = models.DateTimeField(null=True, blank=True, editable=False)
    requester_told = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["created"]
        verbose_name = _("join request")
        verbose_name_plural = _("join requests")
        constraints = [
            models.UniqueConstraint(
                fields=["space", "user"],
                condition=Q(status="pending"),
                name="one_pending_request_per_space",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.space} ({self.status})"


def new_nonce() -> str:
    return secrets.token_hex(16)


INVITATION_SALT = "harambee.invitation"


class Invitation(models.Model):
    """A single-use, expiring link sent by email.

    The link carries a signed id and ``nonce``; a new nonce withdraws old links."""

    DEFAULT_LIFETIME = timedelta(days=14)

    space = models.ForeignKey(
        Space, null=True, blank=True, on_delete=models.CASCADE, related_name="invitations"
    )
    # An invitation into one thread (an "outside voice") rather than into a space: its
    # guest reads and replies in that thread only, until ``access_until``.
    thread = models.ForeignKey(
        "spaces.Post",
        verbose_name=_("thread"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    access_until = models.DateTimeField(_("access ends"), null=True, blank=True)
    email = models.EmailField(_("email address"))
    role = models.CharField(
        _("role in the space"), max_length=12, choices=SpaceRole.choices, default=SpaceRole.MEMBER
    )
    as_guest = models.BooleanField(
        _("outside guest"),
        default=False,
        help_text=_("A guest sees public things and this space, nothing else of the alliance."),
    )
    message = models.TextField(_("personal message"), max_length=2000, blank=True)
    nonce = models.CharField(max_length=32, unique=True, editable=False, default=new_nonce)
    sent = models.DateTimeField(null=True, blank=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    expires = models.DateTimeField(_("expires"))
    used = models.DateTimeField(_("accepted"), null=True, blank=True)
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        if self.thread_id:
            return f"{self.email} → thread #{self.thread_id}"
        return f"{self.email} → {self.space}"

    @property
    def token(self) -> str:
        """The link token: the signed id and nonce. It is derived again whenever the
        email is sent, so the task queue never holds a secret."""
        return signing.dumps([self.pk, self.nonce], salt=INVITATION_SALT)

    @property
    def is_expired(self) -> bool:
        return self.expires <= timezone.now()

    @property
    def is_used(self) -> bool:
        return self.used is not None


class Post(Content):
    """A discussion thread: a title and a Markdown body, with replies (comments) and
    reactions. In a space, or in the alliance forum when ``space`` is empty.

    Pinned threads are listed first; a locked thread takes no new replies; a question
    may have one accepted answer, chosen among its replies."""

    KIND = "post"

    pinned = models.BooleanField(_("pinned"), default=False)
    locked = models.BooleanField(_("locked"), default=False)
    is_question = models.BooleanField(
        _("this is a question"),
        default=False,
        help_text=_("A question can be marked answered by choosing one of its replies."),
    )
    answer = models.ForeignKey(
        "core.Comment",
        verbose_name=_("accepted answer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept by ``services.thread_activity_refresh`` on every reply saved or removed, so
    # the forum sorts and pages by an index instead of counting every thread's replies.
    last_activity = models.DateTimeField(_("last activity"), default=timezone.now)
    reply_count = models.PositiveIntegerField(_("replies"), default=0)
    # The thread's space id (0 in the alliance forum), copied from ``space`` on every
    # save: a thread list sorted by activity or replies reads one range of an index on
    # this table, instead of walking every thread of every space in activity order.
    space_key = models.PositiveBigIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        # The few pinned threads, found without reading a space's others.
        indexes = [
            models.Index(
                fields=["space_key"], name="post_pinned_space", condition=models.Q(pinned=True)
            ),
            models.Index(fields=["space_key", "-last_activity"], name="post_space_activity"),
            models.Index(fields=["space_key", "-reply_count"], name="post_space_replies"),
        ]

    def save(self, *args, **kwargs):
        self.space_key = self.space_id or 0
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "space" in update_fields:
            kwargs["update_fields"] = {*update_fields, "space_key"}
        super().save(*args, **kwargs)

    @property
    def is_answered(self) -> bool:
        return self.answer_id is not None


class ThreadSummary(models.Model):
    """Where a discussion stands, written by a facilitator. Every update is a new row:
    the newest is shown at the top of the thread, the earlier ones as its history."""

    thread = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="summaries")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    body = models.TextField(_("where this discussion stands"), max_length=5000)
    body_html = models.TextField(editable=False, blank=True)
    created = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("thread summary")
        verbose_name_plural = _("thread summaries")
        indexes = [models.Index(fields=["thread", "-created"], name="summary_thread_created")]

    def __str__(self) -> str:
        return f"Summary #{self.pk}"

    def save(self, *args, **kwargs):

        self.body_html = render_markdown(self.body)
        super().save(*args, **kwargs)


class ThreadGuestQuerySet(models.QuerySet):
    def active(self) -> ThreadGuestQuerySet:
        return self.filter(expires__gt=timezone.now())


class ThreadGuest(models.Model):
    """An outside voice's access to one thread, until ``expires``.

    Created when a thread invitation is accepted. The gate
    (``core.visibility``) lets the person read the thread while the grant runs;
    ``core.services.may_comment`` lets them reply. Nothing else is opened: not the
    space, its other items, or its name."""

    thread = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="guests")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="thread_grants"
    )
    expires = models.DateTimeField(_("access ends"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    objects = ThreadGuestQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        verbose_name = _("thread guest")
        verbose_name_plural = _("thread guests")
        constraints = [
            models.UniqueConstraint(fields=["thread", "user"], name="one_grant_per_thread")
        ]
        indexes = [models.Index(fields=["user", "expires"], name="threadguest_user_expires")]

    def __str__(self) -> str:
        return f"{self.user} → thread #{self.thread_id}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if self.user_id is not None:
            from harambee.core.visibility import note_grant

            loaded = self.user if type(self).user.is_cached(self) else None
            note_grant(self.user_id, self.expires, user=loaded)

    @property
    def is_active(self) -> bool:
        return self.expires > timezone.now()


class ThreadRead(models.Model):
    """When a signed-in reader last opened a thread: the forum marks threads with
    activity since then (or never opened, and active since the reader joined)."""

    thread = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reads")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="thread_reads"
    )
    read_at = models.DateTimeField()

    class Meta:
        verbose_name = _("thread read")
        verbose_name_plural = _("thread reads")
        constraints = [
            models.UniqueConstraint(fields=["user", "thread"], name="one_read_per_thread")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} read thread #{self.thread_id}"
