from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _signed_in(request) -> bool:
    return request.user.is_authenticated


def _may(perm: str):
    def show(request) -> bool:
        return bool(request.user.is_authenticated and request.user.may(perm))

    return show


def _signed_up(sender, request, user, **kwargs) -> None:
    if getattr(user, "awaiting_approval", False):
        from harambee.site.services import signup_requested

        signup_requested(user=user)


class SiteConfig(AppConfig):
    """Pages that gather from many apps: home, the directories, the audit log, admin;
    and the site's top-level places, which the other apps fill with their pages."""

    name = "harambee.site"
    label = "site"
    verbose_name = _("Site pages")

    def ready(self) -> None:
        from allauth.account.signals import user_signed_up
        from django.conf import settings
        from django.contrib.auth.signals import user_logged_in

        from harambee.core.navigation import NavEntry, NavSection, register_entry, register_section
        from harambee.core.registry import register_audit_actions, register_page_cache_app
        from harambee.people.roles import Perm
        from harambee.site.middleware import on_sign_in
        from harambee.site.services import SignupAction

        # Visits are written with update() and bulk_create(), which bump nothing: a
        # person's last visit changes no page an anonymous visitor is served.
        register_page_cache_app(self.label)
        user_logged_in.connect(on_sign_in, dispatch_uid="site-visit-on-sign-in")
        for section in (
            NavSection("home", _("Home"), 0),
            NavSection("spaces", _("Spaces"), 10),
            NavSection("learning", _("Learning"), 20),
            NavSection("knowledge", _("Knowledge"), 30),
            NavSection("conversations", _("Conversations"), 40),
            NavSection("people", _("People"), 50),
            NavSection("account", _("Your account"), 90, account=True),
        ):
            register_section(section)
        register_entry(NavEntry("home", _("Home"), "home", exact=True))
        see_directory = _may(Perm.SEE_DIRECTORY)
        register_entry(NavEntry("people", _("People"), "people:people", show=see_directory))
        register_entry(
            NavEntry(
                "people", _("Organisations"), "people:organisations", order=60, show=see_directory
            )
        )
        register_entry(NavEntry("account", _("Edit your profile"), "people:profile_edit"))
        register_entry(
            NavEntry(
                "account", _("Audit log"), "site:audit", order=80, show=_may(Perm.SEE_AUDIT_LOG)
            )
        )
        register_entry(
            NavEntry("account", _("Admin"), "admin:index", order=90, show=_may(Perm.USE_ADMIN))
        )
        register_entry(
            NavEntry(
                "people",
                _("Sign-ups awaiting approval"),
                "people:signups",
                order=70,
                show=lambda request: (
                    settings.SIGNUP_POLICY == "approval" and _may(Perm.APPROVE_SIGNUPS)(request)
                ),
            )
        )
        register_audit_actions(SignupAction)
        user_signed_up.connect(_signed_up, dispatch_uid="site-signup-approval")
