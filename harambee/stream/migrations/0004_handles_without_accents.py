from django.db import migrations


def fold_handles(apps, schema_editor):
    """Handles were made with their accents (``lucía_ramírez``), which few keyboards
    type: make them as ``handle_base`` now does (``lucia_ramirez``), with a number
    after a handle someone else already has. Mentions written with the accents still
    link: lookups fold them too."""
    from harambee.core.markdown import fold_accents

    Handle = apps.get_model("stream", "Handle")
    taken = set(Handle.objects.values_list("name", flat=True))
    for handle in Handle.objects.order_by("pk").iterator():
        base = fold_accents(handle.name)
        if base == handle.name:
            continue
        name, n = base, 2
        while name in taken:
            name, n = f"{base}_{n}", n + 1
        taken.discard(handle.name)
        taken.add(name)
        handle.name = name
        handle.save(update_fields=["name"])


class Migration(migrations.Migration):
    dependencies = [("stream", "0003_titles_without_markdown")]

    operations = [migrations.RunPython(fold_handles, migrations.RunPython.noop)]
