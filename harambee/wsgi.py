import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "harambee.settings")
application = get_wsgi_application()


def _freeze_what_lives_forever() -> None:
    """Settings, apps, models and the URL patterns live as long as the process: moved
    out of the garbage collector's sight (``gc.freeze``), a full collection no longer
    walks them all on some request (docs/performance.md, "Garbage collection")."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 -- load the URLconf now, not on a request
    gc.collect()
    gc.freeze()


_freeze_what_lives_forever()
