"""What the API shows of each kind, and what it takes to write one. Output fields are
read from rows the gate already let through; a space is named only to a reader who
may know it exists (a public item in a secret space names no space)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from harambee.core.models import Comment, Content, Visibility
from harambee.core.visibility import can_see_space
from harambee.events.models import Event
from harambee.initiatives.models import NOTE_SECTIONS, Initiative, LearningNote, Lesson
from harambee.library.models import Resource
from harambee.spaces.models import Post, Space
from harambee.stories.models import Story
from harambee.wiki.models import WikiPage

SECTIONS = [name for name, _label in NOTE_SECTIONS]
BODY_MAX = 100_000


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
    class Meta(ItemSerializer.Meta):
        model = Post
        fields = [*ItemSerializer.Meta.fields, "is_question", "pinned", "locked", "reply_count"]
        read_only_fields = fields


class NoteSerializer(ItemSerializer):
    initiative = serializers.SerializerMethodField()

    class Meta(ItemSerializer.Meta):
        model = LearningNote
        fields = [*ItemSerializer.Meta.fields, "initiative", *SECTIONS]
        read_only_fields = fields

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_initiative(self, obj: LearningNote) -> str | None:
        return shown_slug(self, obj.space if obj.space_id else None)


class LessonSerializer(ItemSerializer):
    class Meta(ItemSerializer.Meta):
        model = Lesson
        fields = [*ItemSerializer.Meta.fields, "strength"]
        read_only_fields = fields


class StorySerializer(ItemSerializer):
    class Meta(ItemSerializer.Meta):
        model = Story
        fields = [*ItemSerializer.Meta.fields, "status", "published"]
        read_only_fields = fields


class WikiPageSerializer(ItemSerializer):
    class Meta(ItemSerializer.Meta):
        model = WikiPage
        fields = [*ItemSerializer.Meta.fields, "slug", "category", "revision"]
        read_only_fields = fields


class ResourceSerializer(ItemSerializer):
    class Meta(ItemSerializer.Meta):
        model = Resource
        fields = [*ItemSerializer.Meta.fields, "resource_type", "link"]
        read_only_fields = fields


class EventSerializer(ItemSerializer):
    class Meta(ItemSerializer.Meta):
        model = Event
        fields = [*ItemSerializer.Meta.fields, "starts", "ends"]
        read_only_fields = fields


class SpaceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Space
        fields = ["slug", "name", "kind", "description", "description_html", "created"]
        read_only_fields = fields


class InitiativeSerializer(serializers.ModelSerializer):
    slug = serializers.CharField(source="space.slug", read_only=True)
    name = serializers.CharField(source="space.name", read_only=True)

    class Meta:
        model = Initiative
        # No coordinates: the map decides what may be shown of a place (issue #18).
        fields = ["slug", "name", "summary", "countries", "place", "stage"]
        read_only_fields = fields


class CommentSerializer(serializers.ModelSerializer):
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


# Writes ---------------------------------------------------------------------------

_visibility = serializers.ChoiceField(choices=Visibility.choices)


class ThreadIn(serializers.Serializer):
    space = serializers.SlugField(required=False, allow_null=True, default=None)
    title = serializers.CharField(max_length=200)
    body = serializers.CharField(max_length=BODY_MAX, allow_blank=True, default="")
    visibility = serializers.ChoiceField(choices=Visibility.choices)
    is_question = serializers.BooleanField(default=False)


class CommentIn(serializers.Serializer):
    body = serializers.CharField(max_length=10_000)
    parent = serializers.IntegerField(required=False, allow_null=True, default=None, min_value=1)


class NoteIn(serializers.Serializer):
    initiative = serializers.SlugField()
    title = serializers.CharField(max_length=200)
    visibility = serializers.ChoiceField(choices=Visibility.choices)
    context = serializers.CharField(max_length=BODY_MAX, allow_blank=True, default="")
    tried = serializers.CharField(max_length=BODY_MAX, allow_blank=True, default="")
    happened = serializers.CharField(max_length=BODY_MAX, allow_blank=True, default="")
    learned = serializers.CharField(max_length=BODY_MAX, allow_blank=True, default="")
    evidence = serializers.CharField(max_length=BODY_MAX, allow_blank=True, default="")
    methods = serializers.CharField(max_length=BODY_MAX, allow_blank=True, default="")
    questions = serializers.CharField(max_length=BODY_MAX, allow_blank=True, default="")


class LessonIn(serializers.Serializer):
    note = serializers.IntegerField(min_value=1)
    title = serializers.CharField(max_length=200)
    body = serializers.CharField(max_length=BODY_MAX, allow_blank=True, default="")
    strength = serializers.ChoiceField(choices=Lesson.Strength.choices)
    visibility = serializers.ChoiceField(choices=Visibility.choices)


class WikiPageIn(serializers.Serializer):
    space = serializers.SlugField(required=False, allow_null=True, default=None)
    title = serializers.CharField(max_length=200)
    body = serializers.CharField(max_length=BODY_MAX, allow_blank=True, default="")
    category = serializers.ChoiceField(choices=WikiPage.Category.choices)
    visibility = serializers.ChoiceField(choices=Visibility.choices)
    summary = serializers.CharField(max_length=200, allow_blank=True, default="")
