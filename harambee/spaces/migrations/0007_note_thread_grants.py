"""Note on each person's row the latest end of the grants thread invitations gave them
(``User.granted_until``): the gate reads a reader's grants only while one runs."""

from django.db import migrations
from django.db.models import Max


def note(apps, schema_editor):
    Grant = apps.get_model("spaces", "ThreadGuest")
    User = apps.get_model("people", "User")
    latest = (
        Grant.objects.filter(user__isnull=False)
        .values("user_id")
        .annotate(until=Max("expires"))
        .values_list("user_id", "until")
    )
    for user_id, until in latest:
        User.objects.filter(pk=user_id, granted_until__isnull=True).update(granted_until=until)
        User.objects.filter(pk=user_id, granted_until__lt=until).update(granted_until=until)


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0003_user_granted_until"),
        ("spaces", "0006_post_space_key"),
    ]

    operations = [migrations.RunPython(note, migrations.RunPython.noop)]
