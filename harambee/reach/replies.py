"""The texts the platform answers by SMS, in the contact's language.

They are gettext messages like every other string, with the context ``sms``: an SMS
goes to someone who has no browser language, so the text is chosen by the contact's
language (``translation.override``), and its translation may differ from the web
page's (kept to GSM-7 where the language allows, so it fits one 160-character
segment: an ``ê`` or a ``ç`` would switch the whole message to 70-character UCS-2).
The catalogues for French, Swahili and Portuguese are in ``harambee/locale``; a
language without a catalogue gets English."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import pgettext_lazy

REPLIES = {
    "stopped": pgettext_lazy(
        "sms", "You will get no more messages from %(site)s. Text START to come back."
    ),
    "started": pgettext_lazy("sms", "Welcome back to %(site)s. Text HELP for help, STOP to stop."),
    "help": pgettext_lazy(
        "sms",
        "%(site)s: send a report as %(keywords)s and what you saw. JOIN <code> to join. "
        "STOP to stop.",
    ),
    "joined": pgettext_lazy(
        "sms", "You joined %(space)s. Send reports as %(keywords)s ... STOP to stop."
    ),
    "unknown_code": pgettext_lazy("sms", "We do not know that code. Check it and try again."),
    "report_received": pgettext_lazy(
        "sms",
        "Thank you: report %(number)s received. It stays inside %(space)s until a "
        "facilitator checks it; then it may be published without your name.",
    ),
    "inbox": pgettext_lazy("sms", "Thank you, a facilitator will read your message."),
    "answer_counted": pgettext_lazy("sms", "Thank you, your answer %(option)s is counted."),
    "answer_again": pgettext_lazy(
        "sms", "Your first answer is the one counted: one answer per phone."
    ),
    "answer_bad": pgettext_lazy("sms", "Please answer with the number of one option."),
}


def reply(what: str, language: str, **values: object) -> str:
    with translation.override(language or "en"):
        return str(REPLIES[what]) % values
