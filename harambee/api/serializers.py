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
from harambee.inputs import clean_body, clean_line
from harambee.library.models import Resource
from harambee.spaces.models import Post, Space
from harambee.stories.models import Story
from harambee.wiki.models import WikiPage

SECTIONS = [name for name, _label in NOTE_SECTIONS]
BODY_MAX = 100_000
MAX_ID = 2**63 - 1


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


class Line(serializers.CharField):
    """One line of text as the site's forms keep it (``harambee.inputs``): no control,
    direction or invisible characters."""

    def to_internal_value(self, data: Any) -> str:
        value = clean_line(super().to_internal_value(data)).strip()
        if not value and not self.allow_blank:
            self.fail("blank")
        return value


class Body(serializers.CharField):
    """Markdown text as the site's forms keep it: new lines stay, control characters go."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", BODY_MAX)
        kwargs.setdefault("allow_blank", True)
        kwargs.setdefault("default", "")
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> str:
        value = clean_body(super().to_internal_value(data))
        if not value.strip() and not self.allow_blank:
            self.fail("blank")
        return value


class ThreadIn(serializers.Serializer):
    space = serializers.SlugField(required=False, allow_null=True, default=None)
    title = Line(max_length=200)
    body = Body()
    visibility = serializers.ChoiceField(choices=Visibility.choices)
    is_question = serializers.BooleanField(default=False)


class CommentIn(serializers.Serializer):
    body = Body(max_length=10_000, allow_blank=False, default=serializers.empty)
    parent = serializers.IntegerField(
        required=False, allow_null=True, default=None, min_value=1, max_value=MAX_ID
    )


class NoteIn(serializers.Serializer):
    initiative = serializers.SlugField()
    title = Line(max_length=200)
    visibility = serializers.ChoiceField(choices=Visibility.choices)
    context = Body()
    tried = Body()
    happened = Body()
    learned = Body()
    evidence = Body()
    methods = Body()
    questions = Body()


class LessonIn(serializers.Serializer):
    note = serializers.IntegerField(min_value=1, max_value=MAX_ID)
    title = Line(max_length=200)
    body = Body()
    strength = serializers.ChoiceField(choices=Lesson.Strength.choices)
    visibility = serializers.ChoiceField(choices=Visibility.choices)


class WikiPageIn(serializers.Serializer):
    space = serializers.SlugField(required=False, allow_null=True, default=None)
    title = Line(max_length=200)
    body = Body()
    category = serializers.ChoiceField(choices=WikiPage.Category.choices)
    visibility = serializers.ChoiceField(choices=Visibility.choices)
    summary = Line(max_length=200, allow_blank=True, default="")


class WikiEditIn(serializers.Serializer):
    body = Body()
    base_revision = serializers.IntegerField(min_value=0, max_value=MAX_ID)
    summary = Line(max_length=200, allow_blank=True, default="")
    category = serializers.ChoiceField(choices=WikiPage.Category.choices, required=False)
    visibility = serializers.ChoiceField(choices=Visibility.choices, required=False)
