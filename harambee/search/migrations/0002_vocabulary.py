from django.db import migrations


def install(apps, schema_editor):
    from harambee.search import suggest

    suggest.install(schema_editor.connection)


def uninstall(apps, schema_editor):
    from harambee.search import suggest

    suggest.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    """The index's vocabulary, for "Did you mean" (``search/suggest.py``)."""

    dependencies = [
        ("search", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(install, uninstall),
    ]
