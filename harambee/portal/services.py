"""Writes of the portal: a person's private feed token, news items, the front page's
text and featured items. (The newsletter's are in ``newsletter.py``.)"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from harambee.core.models import Content, Visibility
from harambee.core.services import audit_record
from harambee.people.models import User
from harambee.portal.models import Feature, FeedToken, FrontPage, News
from harambee.portal.rules import may_curate
from harambee.portal.selectors import front_page, is_public, token_digest

# 32 random bytes: 43 characters in the address, too many to guess.
TOKEN_BYTES = 32


class FeedAction(models.TextChoices):
    TOKEN_CREATED = "feed_token_created", "made a private feed address"
    TOKEN_REVOKED = "feed_token_revoked", "revoked a private feed address"
    NEWS_CREATED = "news_created", "wrote a news item"
    NEWS_UPDATED = "news_updated", "changed a news item"
    FRONT_PAGE_UPDATED = "front_page_updated", "changed the front page's text"
    FEATURED = "featured", "featured an item on the front page"
    UNFEATURED = "unfeatured", "took an item off the front page"


@transaction.atomic
def feed_token_create(*, user: User) -> str:
    """A new private feed token for ``user``, returned once and stored only as its
    hash; an older one stops working."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    FeedToken.objects.filter(user=user).delete()
    FeedToken.objects.create(user=user, digest=token_digest(token))
    audit_record(actor=user, action=FeedAction.TOKEN_CREATED, subject=user)
    return token


@transaction.atomic
def feed_token_revoke(*, user: User) -> bool:
    """Whether there was a token to revoke; its feed answers 404 from now on."""
    deleted, _ = FeedToken.objects.filter(user=user).delete()
    if deleted:
        audit_record(actor=user, action=FeedAction.TOKEN_REVOKED, subject=user)
    return bool(deleted)


# News and the front page -----------------------------------------------------------------


def _check_curator(user: User) -> None:
    if not may_curate(user):
        raise PermissionDenied


def _publish_date(published: datetime | None) -> datetime:
    now = timezone.now()
    if published is None:
        return now
    if published > now + timedelta(minutes=5):
        # Nothing publishes an item later: the gate, not the clock, decides who reads it.
        raise ValidationError(
            {"published": _("The publish date cannot be in the future. Save it as a draft.")}
        )
    return published


@transaction.atomic
def news_create(
    *, author: User, title: str, body: str, publish: bool, published: datetime | None = None
) -> News:
    """A news item: public when ``publish``, else a draft only its author reads."""
    _check_curator(author)
    item = News.objects.create(
        author=author,
        space=None,
        title=title.strip(),
        body=body,
        visibility=Visibility.PUBLIC if publish else Visibility.PRIVATE,
        published=_publish_date(published),
    )
    audit_record(actor=author, action=FeedAction.NEWS_CREATED, content=item)
    return item


@transaction.atomic
def news_update(
    *,
    actor: User,
    news: News,
    title: str,
    body: str,
    publish: bool,
    published: datetime | None = None,
) -> News:
    _check_curator(actor)
    news.title = title.strip()
    news.body = body
    news.visibility = Visibility.PUBLIC if publish else Visibility.PRIVATE
    news.published = _publish_date(published)
    news.save()
    audit_record(actor=actor, action=FeedAction.NEWS_UPDATED, content=news)
    return news


@transaction.atomic
def front_page_update(*, actor: User, intro: str) -> FrontPage:
    _check_curator(actor)
    page = front_page()
    page.intro = intro
    page.save()
    audit_record(actor=actor, action=FeedAction.FRONT_PAGE_UPDATED)
    return page


@transaction.atomic
def feature_add(*, actor: User, content: Content) -> Feature:
    """Put a public item on the front page; any other item is refused."""
    _check_curator(actor)
    if not is_public(content=content):
        raise ValidationError(
            _(
                "Only public items can be featured: this one is not public, "
                "or it is in a space the public may not see."
            ),
            code="not_public",
        )
    feature, _created = Feature.objects.get_or_create(
        content=content, defaults={"featured_by": actor}
    )
    audit_record(actor=actor, action=FeedAction.FEATURED, content=content)
    return feature


@transaction.atomic
def feature_remove(*, actor: User, content: Content) -> bool:
    _check_curator(actor)
    deleted, _rows = Feature.objects.filter(content=content).delete()
    if deleted:
        audit_record(actor=actor, action=FeedAction.UNFEATURED, content=content)
    return bool(deleted)
