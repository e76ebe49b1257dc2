"""What the API shows of each kind (what it takes to write one: ``api/payloads.py``).
Output fields are read from rows the gate already let through; a space is named only
to a reader who may know it exists (a public item in a secret space names no space)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from harambee.core.models import Comment, Content
from harambee.core.visibility import can_see_space
from harambee.events.models import Event
from harambee.initiatives.models import NOTE_SECTIONS, Initiative, LearningNote, Lesson
from harambee.library.models import Resource
from harambee.spaces.models import Post, Space
from harambee.stories.models import Story
from harambee.wiki.models import WikiPage

SECTIONS = [name for name, _label in NOTE_SECTIONS]


def _reader(serializer: serializers.Serializer) -> Any:
    return serializer.context["request"].user


def shown_slug(serializer: serializers.Serializer, space: Space | None) -> str | None:
    if space is None or not can_see_space(_reader(serializer), space):
        return None
    return space.slug


class ItemSerializer(serializers.ModelSerializer):
    """The envelope every written thing shares."""

    space = serializers.SerializerMethodField()

    class Meta:
        model = Content
        fields = [
            "id",
            "kind",
            "title",
            "body",
            "body_html",
            "visibility",
            "language",
            "space",
            "created",
            "updated",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_space(self, obj: Content) -> str | None:
        return shown_slug(self, obj.space if obj.space_id else None)


class ThreadSerializer(ItemSerializer):
    """A thread."""

    class Meta(ItemSerializer.Meta):
        model = Post
        fields = [*ItemSerializer.Meta.fields, "is_question", "pinned", "locked", "reply_count"]
        read_only_fields = fields


class NoteSerializer(ItemSerializer):
    """A learning note, its sections in Markdown."""

    initiative = serializers.SerializerMethodField()

    class Meta(ItemSerializer.Meta):
        model = LearningNote
        fields = [*ItemSerializer.Meta.fields, "initiative", *SECTIONS]
        read_only_fields = fields

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_initiative(self, obj: LearningNote) -> str | None:
        return shown_slug(self, obj.space if obj.space_id else None)


class LessonSerializer(ItemSerializer):
    """A lesson."""

    class Meta(ItemSerializer.Meta):
        model = Lesson
        fields = [*ItemSerializer.Meta.fields, "strength"]
        read_only_fields = fields


class StorySerializer(ItemSerializer):
    """A story: a draft, in review or published."""

    class Meta(ItemSerializer.Meta):
        model = Story
        fields = [*ItemSerializer.Meta.fields, "status", "audience", "published"]
        read_only_fields = fields


class WikiPageSerializer(ItemSerializer):
    """A wiki page at its latest revision."""

    # Any letters, not only ASCII ones (a model SlugField would say ``^[-\w]+$``,
    # which a JSON Schema reads as ASCII).
    slug = serializers.CharField(read_only=True, help_text=_("Its address in its wiki."))

    class Meta(ItemSerializer.Meta):
        model = WikiPage
        fields = [*ItemSerializer.Meta.fields, "slug", "category", "revision"]
        read_only_fields = fields


class ResourceSerializer(ItemSerializer):
    """A library resource (its files are downloaded on the site)."""

    class Meta(ItemSerializer.Meta):
        model = Resource
        fields = [
            *ItemSerializer.Meta.fields,
            "resource_type",
            "link",
            "author_names",
            "languages",
            "licence",
            "year",
        ]
        read_only_fields = fields


class EventSerializer(ItemSerializer):
    """An event; its times in UTC, its organiser's time zone beside them."""

    # Where it takes place is named, never its coordinates (issue #18).
    country = serializers.CharField(source="country.code", read_only=True)

    class Meta(ItemSerializer.Meta):
        model = Event
        fields = [
            *ItemSerializer.Meta.fields,
            "event_kind",
            "starts",
            "ends",
            "time_zone",
            "mode",
            "country",
            "place",
            "registration",
            "capacity",
            "room",
            "join_for",
            "cancelled",
        ]
        read_only_fields = fields


class SpaceSerializer(serializers.ModelSerializer):
    """A space."""

    class Meta:
        model = Space
        fields = [
            "slug",
            "name",
            "kind",
            "description",
            "description_html",
            "listing",
            "join_policy",
            "created",
        ]
        read_only_fields = fields


class InitiativeSerializer(serializers.ModelSerializer):
    """An initiative's profile."""

    slug = serializers.CharField(source="space.slug", read_only=True)
    name = serializers.CharField(source="space.name", read_only=True)

    class Meta:
        model = Initiative
        # No coordinates: the map decides what may be shown of a place (issue #18).
        fields = [
            "slug",
            "name",
            "summary",
            "countries",
            "place",
            "issue_areas",
            "stage",
            "started",
            "ended",
        ]
        read_only_fields = fields


class CommentSerializer(serializers.ModelSerializer):
    """A comment, or a reply to one (``parent``)."""

    class Meta:
        model = Comment
        fields = ["id", "parent", "body", "body_html", "created", "updated"]
        read_only_fields = fields


class SearchHitSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="item.pk")
    kind = serializers.CharField(source="item.kind")
    title = serializers.CharField(source="item.title")
    snippet = serializers.CharField()
    comment = serializers.IntegerField(source="comment_id", allow_null=True)
    created = serializers.DateTimeField(source="item.created")


class SearchPageSerializer(serializers.Serializer):
    query = serializers.CharField()
    next = serializers.CharField(allow_null=True)
    results = SearchHitSerializer(many=True)
