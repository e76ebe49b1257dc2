"""The content kinds the sample data writes, by name. Core keeps no such list (each app
registers its own kind); sample data sits above every app, so it may name them all."""

from __future__ import annotations

from django.db import models

from harambee.events.models import Event
from harambee.initiatives.models import InquiryCycle, LearningNote, Lesson
from harambee.library.models import Collection, Resource
from harambee.spaces.models import Post
from harambee.stories.models import Story, StoryCall
from harambee.stream.models import StreamPost
from harambee.wiki.models import WikiPage


class Kind(models.TextChoices):
    POST = Post.KIND
    CYCLE = InquiryCycle.KIND
    NOTE = LearningNote.KIND
    LESSON = Lesson.KIND
    STORY = Story.KIND
    STORY_CALL = StoryCall.KIND
    WIKI_PAGE = WikiPage.KIND
    RESOURCE = Resource.KIND
    COLLECTION = Collection.KIND
    STREAM_POST = StreamPost.KIND
    EVENT = Event.KIND
