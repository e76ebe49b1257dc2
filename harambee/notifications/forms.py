from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from harambee.inputs import Form
from harambee.notifications.models import Channel, Frequency, Kind

SMS_FREQUENCIES = [
    (Frequency.IMMEDIATELY, Frequency.IMMEDIATELY.label),
    (Frequency.NEVER, Frequency.NEVER.label),
]


def field_name(kind: str, channel: str) -> str:
    return f"{kind}__{channel}"


class PreferencesForm(Form):
    """One choice per kind of notice and channel."""

    def __init__(self, *args: Any, current: dict[tuple[str, str], str], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.rows = []
        for kind, kind_label in Kind.choices:
            row = []
            for channel, channel_label in Channel.choices:
                name = field_name(kind, channel)
                self.fields[name] = forms.ChoiceField(
                    label=_("%(kind)s: %(channel)s")
                    % {"kind": kind_label, "channel": channel_label},
                    # An SMS goes at once or not at all: no SMS digests.
                    choices=SMS_FREQUENCIES if channel == Channel.SMS else Frequency.choices,
                    initial=current[(kind, channel)],
                )
                row.append(name)
            self.rows.append((kind_label, [self[n] for n in row]))

    def choices(self) -> dict[tuple[str, str], str]:
        return {
            (kind, channel): self.cleaned_data[field_name(kind, channel)]
            for kind in Kind.values
            for channel in Channel.values
        }
