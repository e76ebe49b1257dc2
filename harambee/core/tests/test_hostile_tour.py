"""Hostile values to every form of the product, as a space lead, a member, a guest, a
steward and an anonymous visitor: no submission may answer a server error, refuse without a
visible message, or lose what was typed.

The forms are not listed here: they are found the way a person finds them, on the
pages of the leak test's tour (every route of the product, filled by ``urls_for``),
rendered as each role. A new form is toured without any work. Each form is then sent
once per kind of hostility (``hostile.variants``: empty, huge, control and direction
characters with markup, 20-digit, negative and non-numeric ids and choices, the id
of an item the role may not see, a bad ``next``, a bad file), each submission in a
savepoint rolled back afterwards, so every form meets the world as it was built.

What fails:
- any 5xx, any 400, any redirect off the site;
- a form the role can send (its empty submission was not refused) that, with a
  tampered hidden field or choice, answers 403/404 and drops what was typed;
- a form shown again (422, or 200 with the typed text) without an error message,
  or without the text that was typed in it;
- control or direction characters stored in a title or a name;
- a huge body that costs more queries than the form's other submissions (a query per
  line or per word). Time is not judged here: the machines are shared and noisy, so
  how long a huge body takes is measured in ``benchmarks/`` instead.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import Resolver404, resolve

from harambee.core.models import Comment, Content
from harambee.core.tests.hostile import HUGE_BODY, Form, field_values, read_forms, variants
from harambee.core.tests.test_leaks import (  # noqa: F401 -- the shared world's fixtures
    cast,
    leak_world,
    our_route_names,
    urls_for,
    world,
)
from harambee.core.visibility import can_view
from harambee.people.models import Organisation, User
from harambee.spaces.models import Space

pytestmark = pytest.mark.django_db

ROLES = ["space_lead", "member", "guest", "anon", "steward"]
EXTRA_PAGES = ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"]
# Forms that end the visit rather than take input.
SKIPPED_ACTIONS = ("/accounts/logout/", "/admin/")
ERROR_MARKS = ('class="errorlist', 'role="alert"')
PAGES_PER_ROUTE = 1
TRIES_PER_ROUTE = 4
# Downloads and exports hold no form.
NOT_PAGES = (".pdf", ".md", ".ics", ".xml", ".atom", ".rss", ".jpg", ".png")
# Queries a huge body may run beyond the most any other submission of the form ran.
HUGE_EXTRA_QUERIES = 3


def _client(user) -> Client:
    client = Client(raise_request_exception=False)
    if user.is_authenticated:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def _route(path: str) -> str:
    try:
        return resolve(urlsplit(path).path).view_name
    except Resolver404:
        return path


def discover(client: Client, cast, world) -> list[Form]:  # noqa: F811
    """Every distinct form on the pages of the tour, as ``client`` sees them."""
    pages: list[str] = []
    for name in sorted(our_route_names()):
        pages.extend(urls_for(name, cast, world)[:TRIES_PER_ROUTE])
    pages += EXTRA_PAGES
    found: dict[tuple, Form] = {}
    shown: dict[str, int] = {}
    for url in pages:
        route = _route(url)
        if urlsplit(url).path.endswith(NOT_PAGES) or shown.get(route, 0) >= PAGES_PER_ROUTE:
            continue
        response = client.get(url)
        if response.status_code != 200 or response.streaming:
            continue
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        shown[route] = shown.get(route, 0) + 1
        for form in read_forms(url, response.content.decode()):
            if form.action.startswith(SKIPPED_ACTIONS) or "://" in form.action:
                continue
            key = (form.method, _route(form.action), frozenset(f.name for f in form.fields))
            found.setdefault(key, form)
    return list(found.values())


def _stored_invisibles() -> list[str]:
    """Titles and names holding a control or direction character (none may)."""
    checks = [
        (Content, "title", "\u202e"),
        (Content, "title", "\x07"),
        (Content, "title", "\u200b"),
        (Content, "body", "\x07"),
        (Comment, "body", "\x07"),
        (User, "display_name", "\u202e"),
        (Space, "name", "\u202e"),
        (Organisation, "name", "\u202e"),
    ]
    return [
        f"{model.__name__}.{name} holds {char!r}"
        for model, name, char in checks
        if model.objects.filter(**{f"{name}__contains": char}).exists()
    ]


def _judge_cost(form: Form, queries: dict[str, int]) -> list[str]:
    """A huge body must cost what an ordinary submission costs, give or take."""
    if "huge" not in queries or len(queries) < 2:
        return []
    others = max(count for name, count in queries.items() if name != "huge")
    if queries["huge"] <= others + HUGE_EXTRA_QUERIES:
        return []
    where = f"{form.method.upper()} {form.action} from {form.page} [huge]"
    return [f"{where}: ran {queries['huge']} queries, the other submissions at most {others}"]


def _judge(form: Form, variant, response, reachable: bool) -> list[str]:
    status = response.status_code
    where = f"{form.method.upper()} {form.action} from {form.page} [{variant.name}]"
    problems = []
    if status >= 500:
        return [f"{where}: server error {status}"]
    body = "" if response.streaming else response.content.decode(errors="replace")
    has_message = any(mark in body for mark in ERROR_MARKS)
    if status == 400 and not has_message:
        problems.append(f"{where}: bare 400")
    if 300 <= status < 400:
        target = urlsplit(response["Location"])
        if target.netloc not in ("", "testserver") or response["Location"].startswith("//"):
            problems.append(f"{where}: sent off the site to {response['Location']}")
    if form.method != "post":
        return problems
    typed = {name: value for name, value in variant.typed.items() if value}
    if status in (403, 404) and reachable and variant.tampered and typed:
        problems.append(f"{where}: a tampered field answered {status} and lost the text")
    if status not in (200, 422):
        return problems
    shown = field_values(body, form.page)
    kept = {
        name: any(value.split()[0] in again for again in shown.get(name, []))
        for name, value in typed.items()
    }
    reshown = status == 422 or has_message or (typed and any(kept.values()))
    if not reshown:
        return problems
    if not has_message:
        problems.append(f"{where}: shown again without a message")
    for name, value in typed.items():
        again = shown.get(name, [])
        if not kept[name]:
            problems.append(f"{where}: lost what was typed in {name}")
        elif len(value) >= HUGE_BODY and not any(len(v) >= len(value) * 0.99 for v in again):
            problems.append(f"{where}: cut what was typed in {name}")
    return problems


@pytest.mark.parametrize("who", ROLES)
def test_hostile_values_to_every_form_get_a_message_and_lose_nothing(cast, world, who):  # noqa: F811
    user = getattr(cast, who)
    client = _client(user)
    forms = discover(client, cast, world)
    foreign = next(item.pk for item in world["items"] if not can_view(user, item))
    problems: list[str] = []
    sent = 0
    for index, form in enumerate(forms):
        reachable = True
        queries: dict[str, int] = {}
        for number, variant in enumerate(variants(form, index, foreign)):
            if number > 1 and not reachable:
                break  # refused as a whole: the other variants get the same answer
            with transaction.atomic():
                with CaptureQueriesContext(connection) as captured:
                    if form.method == "post":
                        response = client.post(form.action, variant.data)
                    else:
                        response = client.get(form.action, variant.data)
                queries[variant.name] = len(captured)
                if number == 0:
                    reachable = response.status_code not in (401, 403, 404, 405) and not (
                        response.status_code == 302
                        and "/accounts/login/" in response.get("Location", "")
                    )
                problems += _judge(form, variant, response, reachable)
                if variant.name == "control" and response.status_code < 500:
                    problems += [f"{form.action} [control]: {p}" for p in _stored_invisibles()]
                transaction.set_rollback(True)
            sent += 1
        problems += _judge_cost(form, queries)
    # The tour must reach the forms it is about, not pass by finding none.
    minimum = {"space_lead": 40, "member": 25, "guest": 15, "anon": 3, "steward": 25}[who]
    assert len(forms) >= minimum, (who, len(forms))
    assert sent >= len(forms) * 2, (who, sent)
    assert not problems, "\n".join(sorted(set(problems)))


def test_the_judge_sees_a_form_shown_again_without_message_or_text():
    """The tour's own check, on answers made up here: it must not pass what it is for."""
    from django.http import HttpResponse, HttpResponseRedirect

    from harambee.core.tests.hostile import variants as make_variants

    page = '<form method="post"><input name="title"><input type="hidden" name="parent" value="3">'
    form = read_forms("/p/", page + '<textarea name="body"></textarea></form>')[0]
    variant = next(v for v in make_variants(form, 1, 5) if v.name == "twenty digits")
    typed = variant.typed["body"]
    silent = HttpResponse(
        f'<form method="post"><textarea name="body">{typed}</textarea>', status=422
    )
    lost = HttpResponse('<ul class="errorlist"><li>No</li></ul><form method="post">', status=422)
    kept = HttpResponse(
        f'<ul class="errorlist"><li>No</li></ul><form method="post"><input name="title" '
        f'value="{variant.typed["title"]}"><textarea name="body">{typed}</textarea></form>',
        status=422,
    )
    assert any("without a message" in p for p in _judge(form, variant, silent, True))
    assert any("lost what was typed" in p for p in _judge(form, variant, lost, True))
    assert _judge(form, variant, kept, True) == []
    away = HttpResponseRedirect("https://evil.example.com/")
    assert any("off the site" in p for p in _judge(form, variant, away, True))
    assert any("server error" in p for p in _judge(form, variant, HttpResponse(status=500), True))
    assert any("lost the text" in p for p in _judge(form, variant, HttpResponse(status=404), True))
    assert any(
        "ran 40 queries" in p for p in _judge_cost(form, {"empty": 3, "huge": 40, "control": 9})
    )
    assert _judge_cost(form, {"empty": 3, "huge": 11, "control": 9}) == []
