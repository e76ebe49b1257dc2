"""Keep the search index up to date after commits. Tasks take ids and are
idempotent: each one makes the entry match the row as it is when it runs."""

from __future__ import annotations

from django_tasks import task


@task()
def index_content(content_id: int) -> None:
    from harambee.search import services

    services.index_content(content_id=content_id)


@task()
def index_comment(comment_id: int) -> None:
    from harambee.search import services

    services.index_comment(comment_id=comment_id)


@task()
def drop_content(content_id: int) -> None:
    from harambee.search import services

    services.drop_content(content_id=content_id)
