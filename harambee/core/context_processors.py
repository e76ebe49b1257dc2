from typing import Any

from django.conf import settings
from django.utils.functional import SimpleLazyObject


def site(request):
    return {"SITE_NAME": settings.SITE_NAME}


def navigation(request: Any) -> dict[str, Any]:
    """``nav``: the menu the apps registered (``core.navigation``), with the current
    place marked, worked out only if a template shows it."""
    from harambee.core.navigation import menu_for

    return {"nav": SimpleLazyObject(lambda: menu_for(request))}
