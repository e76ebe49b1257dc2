"""Messages of django-allauth's account pages that its own catalogues lack or get
wrong in our interface languages.

They are listed here only so that ``makemessages`` keeps them in our catalogues,
which take precedence over allauth's (``LOCALE_PATHS`` comes first). Nothing
imports this module. ``core/tests/test_translations.py`` fails when a sign-in or
sign-up page still shows an English sentence under another language: add the
sentence here, run makemessages and translate it.
"""

from django.utils.translation import gettext_noop as _
from django.utils.translation import ngettext_lazy

MESSAGES = [
    # allauth's pt_BR catalogue leaves "sign in" in English.
    _("Already have an account? Then please %(link)ssign in%(end_link)s."),
    # allauth has no Swahili catalogue: what the sign-in, sign-up, password-reset
    # and sign-out pages show.
    _("Sign In"),
    _("Sign Up"),
    _("Signup"),
    _("Sign Out"),
    _("Remember Me"),
    _("Forgot your password?"),
    _("If you have not created an account yet, then please %(link)ssign up%(end_link)s first."),
    _("Sign in with a passkey"),
    _("Send me a sign-in code"),
    _("Sign up using a passkey"),
    _("Username"),
    _("Email"),
    _("Email address"),
    _("Password"),
    _("Password (again)"),
    _("Password Reset"),
    _("Reset My Password"),
    _(
        "Forgotten your password? Enter your email address below, and we'll send you "
        "an email allowing you to reset it."
    ),
    _("Please contact us if you have any trouble resetting your password."),
    _("Are you sure you want to sign out?"),
    _("Verify Your Email Address"),
    # Django's Swahili catalogue lacks its newer password rules.
    _("Your password can’t be too similar to your other personal information."),
    _("Your password can’t be a commonly used password."),
    _("Your password can’t be entirely numeric."),
    ngettext_lazy(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
        "min_length",
    ),
]
