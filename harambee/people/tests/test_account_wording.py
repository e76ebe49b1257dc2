"""The account pages speak as the rest of the platform does: sentence case (not the
library's "Sign Up", "Signup"), the platform's name in its mails (not the host it was
reached at), an icon, and no emoji standing in for icons anywhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

# Two or more capitalised words in a row, in a title, heading, label, link or button.
TITLE_CASE = re.compile(r"\b([A-Z][a-z]+(?:[ -][A-Z][a-z]+)+)\b")
SHOWN = re.compile(r"<(title|h1|h2|button|label|a)\b[^>]*>(.*?)</\1>", re.DOTALL)
PROPER = {"Harambee", "Skip", "Mo"}  # Mo Member: the signed-in name in the header


def title_case_on(html: str) -> list[str]:
    found = []
    for _tag, inner in SHOWN.findall(html):
        text = re.sub(r"<[^>]+>", " ", inner)
        found += [m for m in TITLE_CASE.findall(text) if m.split()[0] not in PROPER]
    return found


@pytest.mark.parametrize(
    ("name", "signed_in"),
    [
        ("account_login", False),
        ("account_signup", False),
        ("account_reset_password", False),
        ("account_logout", True),
        ("account_change_password", True),
        ("account_email", True),
        ("mfa_index", True),
    ],
)
def test_account_pages_are_in_sentence_case(cast, client_for, name, signed_in):
    client = client_for(cast.member if signed_in else None)
    html = client.get(reverse(name)).content.decode()
    assert not title_case_on(html), (name, title_case_on(html))


def test_the_sign_up_page_says_sign_up_in_sentence_case():
    html = Client().get(reverse("account_signup")).content.decode()
    assert "Sign up" in html and "Sign Up" not in html and "Signup" not in html


def test_the_confirmation_mail_greets_from_the_platform_not_its_host():
    Client().post(
        reverse("account_signup"),
        {
            "email": "kofi@example.org",
            "display_name": "Kofi",
            "password1": "forest canopy 2026!",
            "password2": "forest canopy 2026!",
        },
        HTTP_HOST="127.0.0.1:8301",
    )
    (message,) = mail.outbox
    assert f"Hello from {settings.SITE_NAME}!" in message.body
    assert f"Thank you for using {settings.SITE_NAME}!" in message.body
    assert "Hello from 127.0.0.1" not in message.body
    assert message.subject.startswith(f"[{settings.SITE_NAME}]")


def test_pages_carry_an_icon_and_favicon_ico_is_served(client):
    html = client.get("/").content.decode()
    assert re.search(r'<link rel="icon" type="image/svg\+xml" href="data:image/svg\+xml,', html)
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith(".ico")
    icons = Path(settings.BASE_DIR) / "static" / "harambee"
    for name in ("favicon.svg", "favicon.ico", "apple-touch-icon.png"):
        assert 0 < (icons / name).stat().st_size < 4096, name


EMOJI = re.compile(
    "[\U0001f300-\U0001faff\U00002600-\U000027bf\U0001f000-\U0001f2ff\U00002b00-\U00002bff]"
)


def test_no_emoji_stands_in_for_an_icon():
    """Emoji show as empty boxes where no emoji font is installed: templates and the
    strings code shows use words or ``{% icon %}`` (inline SVG) instead."""
    root = Path(settings.BASE_DIR)
    found = []
    for path in [*root.rglob("*.html"), *root.rglob("*.py"), *root.rglob("*.txt")]:
        if "tests" in path.parts or "locale" in path.parts:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if EMOJI.search(line):
                found.append(f"{path.relative_to(root)}:{number}")
    assert not found, found
