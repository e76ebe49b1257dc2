"""This app's part of the leak test's world (see ``core/tests/test_leaks.py``).

The privacy pages show a person only their own exports; the download answers POST
only (405 to the tour's GET), and 404 to anyone but the owner
(``privacy/tests/test_export.py``). What an export holds is checked against the gate
for the whole cast in ``privacy/tests/test_export_gate.py``: a zip's bytes are
compressed, so the tour's marker search could not see into them."""

from __future__ import annotations

from django.urls import reverse


def build(cast, world) -> None:
    from harambee.privacy.models import DataExport

    world["privacy_export"] = DataExport.objects.create(user=cast.space_member)


def urls_for(name: str, cast, world) -> list[str] | None:
    if not name.startswith("privacy:"):
        return None
    if name == "privacy:download":
        return [reverse(name, args=[world["privacy_export"].pk])]
    return [reverse(name)]
