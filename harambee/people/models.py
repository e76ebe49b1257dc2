from __future__ import annotations

from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from harambee.people.languages import language_name
from harambee.people.roles import AllianceRole, Perm, alliance_may


class Sector(models.TextChoices):
    CIVIL_SOCIETY = "civil_society", _("Civil society / NGO")
    GOVERNMENT = "government", _("Government")
    BUSINESS = "business", _("Business")
    RESEARCH = "research", _("Research and education")
    COMMUNITY = "community", _("Community group")
    FUNDER = "funder", _("Funder")
    MEDIA = "media", _("Media")


class Channel(models.TextChoices):
    WEB = "web", _("Web")
    EMAIL = "email", _("Email")
    SMS = "sms", _("SMS")
    WHATSAPP = "whatsapp", _("WhatsApp")
    RADIO = "radio", _("Radio")
    MEETINGS = "meetings", _("Meetings in person")


class Organisation(models.Model):
    class Relationship(models.TextChoices):
        PARTNER = "partner", _("Partner")
        MEMBER = "member", _("Member")

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    country = CountryField(_("country"))
    website = models.URLField(_("website"), blank=True)
    relationship = models.CharField(
        _("relationship"), max_length=10, choices=Relationship.choices, default=Relationship.MEMBER
    )
    description = models.TextField(_("description"), blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:200] or "organisation"
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("people:organisation", args=[self.slug])


class HarambeeUserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra_fields) -> User:
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra_fields) -> User:
        extra_fields.setdefault("role", AllianceRole.STEWARD)
        extra_fields["is_superuser"] = True
        return self.create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person. The profile lives on the same row: every author byline needs it."""

    username = None  # type: ignore[assignment]
    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    email = models.EmailField(_("email address"), unique=True)
    role = models.CharField(
        _("alliance role"), max_length=10, choices=AllianceRole.choices, default=AllianceRole.MEMBER
    )
    display_name = models.CharField(_("display name"), max_length=120)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    sector = models.CharField(
        _("stakeholder sector"), max_length=20, choices=Sector.choices, blank=True
    )
    country = CountryField(_("country"), blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=64, default="UTC")
    bio = models.TextField(_("short bio"), max_length=1000, blank=True)
    channels = models.JSONField(_("channels used"), default=list, blank=True)
    # The latest end of any grant this person was given (a thread or an event they were
    # invited to as an outside voice; ``core.visibility.note_grant``). The gate reads a
    # reader's grants only while this lies ahead: nearly everyone has none, and their
    # requests ask nothing about grants.
    granted_until = models.DateTimeField(null=True, blank=True, editable=False)
    # Signed up while sign-ups need a steward's approval (HARAMBEE_SIGNUP=approval):
    # inactive until a steward approves, deleted if one declines.
    awaiting_approval = models.BooleanField(default=False, editable=False)
    # When the person deleted their account (``privacy.erase``): the row stays, emptied,
    # so that what they wrote may stay signed by "a former member".
    erased = models.DateTimeField(null=True, blank=True, editable=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []  # noqa: RUF012

    objects = HarambeeUserManager()  # type: ignore[misc,assignment]

    class Meta:
        ordering = ["display_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.display_name or self.email

    def save(self, *args, **kwargs):
        # Stewards administer the site; nobody else reaches the admin.
        self.is_staff = alliance_may(self.role, Perm.USE_ADMIN) or self.is_superuser
        if not self.display_name:
            self.display_name = self.email.split("@")[0]
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("people:person", args=[self.pk])

    def get_full_name(self) -> str:
        return str(self)

    def get_short_name(self) -> str:
        return str(self)

    def has_perm(self, perm, obj=None) -> bool:
        # Stewards run the administration site; it applies the visibility gate itself.
        return self.may(Perm.USE_ADMIN) or super().has_perm(perm, obj)

    def has_module_perms(self, app_label) -> bool:
        return self.may(Perm.USE_ADMIN) or super().has_module_perms(app_label)

    def may(self, perm: Perm | str) -> bool:
        return self.is_active and alliance_may(self.role, perm)

    @property
    def is_guest(self) -> bool:
        """For display (a "Guest" badge): what a guest may do is asked of
        ``may()``, never of this."""
        return self.role == AllianceRole.GUEST

    @property
    def language_hint(self) -> str:
        """The interface language to write to this person in: the first language
        they speak that the platform is translated into."""
        from django.conf import settings

        offered = {code for code, _name in settings.LANGUAGES}
        return next((code for code in self.languages if code in offered), settings.LANGUAGE_CODE)

    def get_channels_display(self) -> list[str]:
        labels = dict(Channel.choices)
        return [str(labels.get(c, c)) for c in self.channels]

    def get_languages_display(self) -> list[str]:
        return [language_name(code) for code in self.languages]
