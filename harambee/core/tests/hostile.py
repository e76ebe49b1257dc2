"""The pieces of the hostile tour (``test_hostile_tour.py``): read the forms of a page,
and fill them with hostile values, one kind of hostility at a time.

A form is read as a browser would send it: every named input, textarea, select and
the first named submit button (not a Markdown field's "Preview" button, which saves
nothing: ``test_editor.py`` tests it), with the values the page gave them. A variant then
replaces the values of one group of fields (text, ids and choices, files, ``next``)
with hostile ones and keeps the others as the page gave them, so that each
submission tests one thing and the form is otherwise as valid as the page made it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.core.files.uploadedfile import SimpleUploadedFile

from harambee.inputs import PREVIEW_FIELD

TEXT_TYPES = {"text", "search", "email", "url", "tel", "textarea"}
CHOICE_TYPES = {"select", "radio", "checkbox", "hidden", "number", "range"}
SKIPPED = {"csrfmiddlewaretoken"}

TWENTY_DIGITS = "98765432109876543210"
HUGE_BODY = 300_000
HUGE_LINE = 5_000
# Markup, a control character, a right-to-left override, an isolate and zero-width
# characters around a marker that must survive.
CONTROL = "\x00\x07\u202e\u2066\u200b<script>alert(1)</script>\ufeff"


@dataclass
class Field:
    name: str
    type: str
    values: list[str] = field(default_factory=list)  # as the page sent them
    options: list[str] = field(default_factory=list)
    multiple: bool = False


@dataclass
class Form:
    page: str
    method: str
    action: str
    fields: list[Field] = field(default_factory=list)

    def text_fields(self) -> list[Field]:
        return [f for f in self.fields if f.type in TEXT_TYPES]

    def has(self, kind: str) -> bool:
        return any(f.type == kind for f in self.fields)


class _FormReader(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.forms: list[Form] = []
        self.form: Form | None = None
        self.select: Field | None = None
        self.textarea: Field | None = None
        self.radios: dict[str, Field] = {}
        self.button_taken = False

    def _add(self, item: Field) -> None:
        if self.form is not None and item.name and item.name not in SKIPPED:
            self.form.fields.append(item)

    def handle_starttag(self, tag: str, attrs) -> None:
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "form":
            action = a.get("action") or self.page
            if action.startswith("?"):
                action = self.page.split("?")[0] + action
            self.form = Form(self.page, (a.get("method") or "get").lower(), action)
            self.radios, self.button_taken = {}, False
        elif self.form is None:
            return
        elif tag == "input":
            kind = (a.get("type") or "text").lower()
            name = a.get("name", "")
            if kind in ("submit", "image", "button", "reset"):
                if kind == "submit" and name and not self.button_taken:
                    self._add(Field(name, "button", [a.get("value", "")]))
                    self.button_taken = True
            elif kind in ("radio", "checkbox"):
                known = self.radios.get(name)
                if known is None:
                    known = Field(name, kind, multiple=kind == "checkbox")
                    self.radios[name] = known
                    self._add(known)
                known.options.append(a.get("value", "on"))
                if "checked" in a:
                    known.values.append(a.get("value", "on"))
            else:
                self._add(Field(name, kind, [a.get("value", "")]))
        elif tag == "button":
            if (
                (a.get("type") or "submit") == "submit"
                and a.get("name")
                and a["name"] != PREVIEW_FIELD
                and not self.button_taken
            ):
                self._add(Field(a["name"], "button", [a.get("value", "")]))
                self.button_taken = True
        elif tag == "textarea":
            self.textarea = Field(a.get("name", ""), "textarea", [""])
            self._add(self.textarea)
        elif tag == "select":
            self.select = Field(a.get("name", ""), "select", multiple="multiple" in a)
            self._add(self.select)
        elif tag == "option" and self.select is not None:
            value = a.get("value", "")
            self.select.options.append(value)
            if "selected" in a:
                self.select.values.append(value)

    def handle_data(self, data: str) -> None:
        if self.textarea is not None:
            self.textarea.values[0] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea" and self.textarea is not None:
            # A browser drops the one new line that follows <textarea>.
            value = self.textarea.values[0]
            self.textarea.values[0] = value[1:] if value.startswith("\n") else value
            self.textarea = None
        elif tag == "select" and self.select is not None:
            if not self.select.values and self.select.options and not self.select.multiple:
                self.select.values.append(self.select.options[0])
            self.select = None
        elif tag == "form" and self.form is not None:
            self.forms.append(self.form)
            self.form = None


def read_forms(page: str, html: str) -> list[Form]:
    reader = _FormReader(page)
    reader.feed(html)
    return reader.forms


def field_values(html: str, page: str = "/") -> dict[str, list[str]]:
    """Every named field's values on a page, in all its forms together."""
    found: dict[str, list[str]] = {}
    for form in read_forms(page, html):
        for item in form.fields:
            found.setdefault(item.name, []).extend(item.values)
    return found


def _marker(form_index: int, name: str) -> str:
    return f"HOSTILE{form_index}{name.replace('_', '').replace('-', '')[:12]}"


def bad_file(name: str) -> SimpleUploadedFile:
    """Random bytes that call themselves a photo."""
    return SimpleUploadedFile(f"{name}.jpg", b"\x00\x01not an image" * 64, "image/jpeg")


@dataclass
class Variant:
    name: str
    data: dict
    typed: dict[str, str]  # text field -> what was typed in it
    tampered: bool  # an id, a choice, a hidden field or a file was changed


def _base(form: Form) -> dict:
    data: dict = {}
    for item in form.fields:
        if item.type == "file":
            continue
        if item.type == "radio" and not item.values and item.options:
            data[item.name] = [item.options[0]]
        elif item.values:
            data[item.name] = list(item.values)
    return data


def variants(form: Form, index: int, foreign_id: int) -> list[Variant]:
    """The hostile submissions of one form: each changes one group of fields."""
    found: list[Variant] = []
    texts = form.text_fields()
    ids = [f for f in form.fields if f.type in CHOICE_TYPES and f.name != "next"]
    has_next = any(f.name == "next" for f in form.fields)

    def make(name: str, text_value, id_value=None, nxt=None, files=False) -> Variant:
        data = _base(form)
        typed = {}
        for number, item in enumerate(texts):
            value = text_value(item, number)
            data[item.name] = [value]
            typed[item.name] = value
        for number, item in enumerate(ids if id_value is not None else []):
            data[item.name] = [id_value(number)]
        if nxt is not None and has_next:
            data["next"] = [nxt]
        if files:
            for item in form.fields:
                if item.type == "file":
                    data[item.name] = bad_file(item.name)
        tampered = id_value is not None or nxt is not None or files
        return Variant(name, data, typed, tampered and bool(ids or files or has_next))

    def plain(item: Field, number: int) -> str:
        mark = _marker(index, item.name)
        if item.type == "email":
            return f"{mark.lower()}@example.org"
        if item.type == "url":
            return f"https://example.org/{mark}"
        return f"{mark} words"

    first_area = next((f.name for f in texts if f.type == "textarea"), None)

    def huge(item: Field, number: int) -> str:
        # One huge body per form (a form of seven would pass the upload limit), and
        # every single-line field too long.
        if item.type == "textarea" and item.name != first_area:
            return plain(item, number)
        size = HUGE_BODY if item.type == "textarea" else HUGE_LINE
        return (_marker(index, item.name) + " " + "x" * size)[:size]

    def control(item: Field, number: int) -> str:
        return f"{_marker(index, item.name)} {CONTROL} end"

    # Ids and choices that no row and no option can have, a sample per field rather
    # than every value in every field.
    bad = ["-1", "<b>x</b>", str(foreign_id), "abc-not-a-number", "0", "1.5"]
    found.append(make("empty", lambda item, number: ""))
    if texts:
        found.append(make("huge", huge))
        found.append(make("control", control, nxt="//evil.example.com/"))
    found.append(make("twenty digits", plain, lambda n: TWENTY_DIGITS, nxt="abc-not-a-number"))
    found.append(
        make(
            "bad ids", plain, lambda n: bad[(n + index) % len(bad)], nxt="https://evil.example.com/"
        )
    )
    found.append(make("foreign ids", plain, lambda n: str(foreign_id), nxt=TWENTY_DIGITS))
    if form.has("file"):
        found.append(make("bad file", plain, files=True))
    return found
