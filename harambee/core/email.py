"""Email built from templates, with a plain-text and an HTML part, in the
recipient's language and time zone."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone, translation


def send_templated(
    *, to: str, template: str, context: dict[str, Any], language: str = "", time_zone: str = ""
) -> None:
    """Render ``<template>_subject.txt``, ``<template>.txt`` and ``<template>.html``."""
    context = {"site_name": settings.SITE_NAME, "site_url": settings.SITE_URL, **context}
    with (
        translation.override(language or settings.LANGUAGE_CODE),
        timezone.override(time_zone or timezone.get_current_timezone()),
    ):
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(
        subject=f"[{settings.SITE_NAME}] {' '.join(subject.split())}",
        body=text,
        to=[to],
    )
    message.attach_alternative(html, "text/html")
    message.send()
