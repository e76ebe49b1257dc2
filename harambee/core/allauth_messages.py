"""Messages of django-allauth's account pages that its own catalogues lack or get
wrong in our interface languages.

They are listed here only so that ``makemessages`` keeps them in our catalogues,
which take precedence over allauth's (``LOCALE_PATHS`` comes first). Nothing
imports this module. ``core/tests/test_translations.py`` fails when a sign-in or
sign-up page still shows an English sentence under another language: add the
sentence here, run makemessages and translate it.
"""

from django.utils.translation import gettext_noop as _

MESSAGES = [
    # allauth's pt_BR catalogue leaves "sign in" in English.
    _("Already have an account? Then please %(link)ssign in%(end_link)s."),
]
