"""Markup said once: a moment is shown by ``{% time %}``, an item's meta line by
``{% item_meta %}`` and a comment by ``core/_comment.html``, so that copies cannot drift
apart again; and core's templates leave what apps above core show to their slots."""

from __future__ import annotations

import datetime
import re
import zoneinfo
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import timezone

import harambee
from harambee.core import slots

ROOT = Path(harambee.__file__).parent


def templates() -> list[Path]:
    return sorted(p for p in ROOT.rglob("*.html") if "templates" in p.parts)


def holding(text: str, paths: list[Path]) -> list[str]:
    return [str(p.relative_to(ROOT)) for p in paths if text in p.read_text(encoding="utf-8")]


def test_time_markup_is_written_only_in_the_time_tag():
    assert holding("<time", templates()) == []
    code = [p for p in ROOT.rglob("*.py") if "tests" not in p.parts]
    assert holding("<time", code) == ["core/templatetags/meta.py"]


def render(source: str, **context) -> str:
    return Template("{% load meta %}" + source).render(Context(context))


def test_the_time_tag_shows_a_moment_in_the_readers_time_zone():
    moment = datetime.datetime(2026, 3, 1, 21, 30, 5, tzinfo=datetime.UTC)
    with timezone.override(zoneinfo.ZoneInfo("Africa/Nairobi")):
        assert render("{% time t %}", t=moment) == (
            '<time datetime="2026-03-02T00:30:05+0300">2 Mar 2026, 00:30</time>'
        )
        assert render('{% time t "j M Y" day=True %}', t=moment) == (
            '<time datetime="2026-03-02">2 Mar 2026</time>'
        )
    assert render('{% time d "j M Y" %}', d=datetime.date(2026, 3, 1)) == (
        '<time datetime="2026-03-01">1 Mar 2026</time>'
    )
    assert render("{% time t %}", t=None) == ""


def test_comment_markup_is_written_only_in_the_comment_partial():
    partial = ["core/templates/core/_comment.html"]
    assert holding('id="comment-{{', templates()) == partial
    assert holding('<li class="comment', templates()) == partial
    assert holding("reply_form", templates()) == []


def test_core_templates_name_no_app_above_core():
    above = r"(?!core\b|account\b)\w+"
    naming = re.compile(rf"{{% url '{above}:|{{% include \"{above}/")
    core = sorted((ROOT / "core" / "templates" / "core").glob("*.html"))
    offenders = [p.name for p in core if naming.search(p.read_text(encoding="utf-8"))]
    assert core and offenders == []


def test_an_items_meta_line_is_written_only_in_the_meta_tag():
    meta_line = re.compile(r"%\}by \{\{ author \}\}\{% endblocktranslate %\}.*visibility_label")
    written = [p for p in templates() if meta_line.search(p.read_text(encoding="utf-8"))]
    assert [str(p.relative_to(ROOT)) for p in written] == ["core/templates/core/_item_meta.html"]


def test_apps_above_core_fill_its_slots_and_only_the_slots_it_has():
    assert "moderation/_flag_link.html" in slots.templates("comment-tools")
    assert "moderation/_flag_link.html" in slots.templates("item-tools")
    assert "notifications/_watch.html" in slots.templates("conversation")
    with pytest.raises(ValueError, match="No template slot"):
        slots.register("sidebar", "x/_y.html")
