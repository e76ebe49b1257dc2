from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "harambee.training"
    label = "training"
    verbose_name = _("Training programmes")

    def ready(self) -> None:
        from harambee.core import slots
        from harambee.core.navigation import NavEntry, register_entry
        from harambee.core.registry import (
            SearchSource,
            register_audit_actions,
            register_page_cache_app,
            register_search_source,
        )
        from harambee.training import signals
        from harambee.training.models import TrainingAction
        from harambee.training.selectors import programme_search

        signals.connect()
        register_page_cache_app(self.label)
        register_audit_actions(TrainingAction)
        register_entry(NavEntry("learning", _("Training"), "training:programmes", order=60))
        register_entry(
            NavEntry(
                "account",
                _("My learning"),
                "training:mine",
                order=35,
                show=lambda request: request.user.is_authenticated,
            )
        )
        slots.register("space-aside", "training/_space_aside.html")
        # A member's page shows their learning pathway.
        slots.register("person", "training/_person_pathway.html")
        register_search_source(
            SearchSource("programmes", _("Training programmes"), find=programme_search)
        )
