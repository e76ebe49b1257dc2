from django.db import migrations


def make_handles(apps, schema_editor):
    """Give everyone who signed up before the stream existed a handle (as
    ``services.handle_ensure`` does for new accounts)."""
    from harambee.stream.services import handle_base

    User = apps.get_model("people", "User")
    Handle = apps.get_model("stream", "Handle")
    taken = set(Handle.objects.values_list("name", flat=True))
    has = set(Handle.objects.values_list("user_id", flat=True))
    new = []
    for user in User.objects.exclude(pk__in=has).order_by("pk").iterator():
        base = handle_base(user.display_name)
        name, n = base, 2
        while name in taken:
            name, n = f"{base}_{n}", n + 1
        taken.add(name)
        new.append(Handle(user_id=user.pk, name=name))
    Handle.objects.bulk_create(new, batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("stream", "0001_initial"), ("people", "0001_initial")]

    operations = [migrations.RunPython(make_handles, migrations.RunPython.noop)]
