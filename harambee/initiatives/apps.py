from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "harambee.initiatives"
    label = "initiatives"
    verbose_name = _("Initiatives and action inquiry")

    def ready(self) -> None:
        from harambee.core.registry import ContentKind, register_kind, register_page_cache_app
        from harambee.initiatives import views
        from harambee.initiatives.services import initiative_profile_for_new_space
        from harambee.spaces.signals import space_created

        space_created.connect(
            initiative_profile_for_new_space, dispatch_uid="initiative-profile-for-new-space"
        )
        register_page_cache_app(self.label)
        register_kind(
            ContentKind("cycle", _("Inquiry cycle"), "initiatives:cycle", render=views.render_cycle)
        )
        register_kind(
            ContentKind("note", _("Learning note"), "initiatives:note", render=views.render_note)
        )
        register_kind(
            ContentKind("lesson", _("Lesson"), "initiatives:lesson", render=views.render_lesson)
        )
        from harambee.core.navigation import NavEntry, register_entry

        register_entry(
            NavEntry(
                "learning",
                _("Initiatives"),
                "initiatives:directory",
                paths=("/cycles/", "/notes/", "/adaptations/", "/content/"),
                order=10,
            )
        )
        register_entry(NavEntry("learning", _("Lessons"), "initiatives:lessons", order=30))
        from harambee.spaces.tabs import SpaceTab
        from harambee.spaces.tabs import register as register_tab

        register_tab(
            SpaceTab(
                "notes",
                _("Notes"),
                "initiatives:detail",
                order=20,
                show=lambda request, space: space.kind == "initiative",
            )
        )
