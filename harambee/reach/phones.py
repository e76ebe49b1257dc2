"""Phone numbers, read with ``phonenumbers`` and stored as E.164."""

from __future__ import annotations

import phonenumbers
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def normalise_phone(raw: str, region: str = "") -> str:
    """``raw`` as E.164, or ValidationError with a message a person can act on."""
    region = region or settings.SMS_DEFAULT_REGION
    try:
        number = phonenumbers.parse(raw.strip()[:40], region or None)
    except phonenumbers.NumberParseException:
        raise ValidationError(
            _("This is not a phone number. Write it with its country code, like +233 20 123 4567."),
            code="phone",
        ) from None
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(
            _("This phone number does not exist. Check its digits and country code."),
            code="phone",
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
