"""The period picker: a number of days ending on a date, against the same number of
days before it. Days are the alliance's (``settings.TIME_ZONE``), not the viewer's: the
same for everyone, so the measures the task worker computes for a period are the ones
every page reads, wherever its reader lives."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

DAYS = (7, 30, 90, 365)
DEFAULT_DAYS = 30


class PeriodForm(forms.Form):
    days = forms.TypedChoiceField(
        label=_("Period"),
        coerce=int,
        choices=[
            (7, _("7 days")),
            (30, _("30 days")),
            (90, _("90 days")),
            (365, _("365 days")),
        ],
        initial=DEFAULT_DAYS,
    )
    end = forms.DateField(
        label=_("Ending on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty for today."),
    )

    def clean_end(self) -> date | None:
        end = self.cleaned_data.get("end")
        if end is not None and end > today():
            raise forms.ValidationError(_("Choose today or a day before it."))
        if end is not None and end.year < 2000:
            raise forms.ValidationError(_("Choose a day from 2000 on."))
        return end


@dataclass(frozen=True)
class Period:
    days: int
    last_day: date
    start: datetime
    end: datetime

    @property
    def first_day(self) -> date:
        return self.last_day - timedelta(days=self.days - 1)

    @property
    def previous_start(self) -> datetime:
        return self.start - (self.end - self.start)

    def query(self) -> str:
        return f"days={self.days}&end={self.last_day.isoformat()}"


def today() -> date:
    return timezone.localdate(timezone=timezone.get_default_timezone())


def make_period(days: int = DEFAULT_DAYS, last_day: date | None = None) -> Period:
    last_day = last_day or today()
    zone = timezone.get_default_timezone()
    end = timezone.make_aware(datetime.combine(last_day + timedelta(days=1), time.min), zone)
    start = timezone.make_aware(
        datetime.combine(last_day - timedelta(days=days - 1), time.min), zone
    )
    return Period(days=days, last_day=last_day, start=start, end=end)


def period_key(form: PeriodForm) -> str | None:
    """What the period picker shows (its values, in the reader's language), to keep its
    markup as a fragment; None for a form with errors, which is always made afresh."""
    if form.is_bound and form.errors:
        return None
    shown = [(name, str(form[name].value())) for name in form.fields]
    raw = repr((get_language(), shown)).encode()
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def period_from(data) -> tuple[PeriodForm, Period]:
    """The form (bound when the query names a period, so its errors show) and the
    period it chose, or the default one when it is empty or wrong."""
    if "days" not in data and "end" not in data:
        return PeriodForm(initial={"days": DEFAULT_DAYS}), make_period()
    form = PeriodForm(data)
    if form.is_valid():
        return form, make_period(form.cleaned_data["days"], form.cleaned_data["end"])
    return form, make_period()
