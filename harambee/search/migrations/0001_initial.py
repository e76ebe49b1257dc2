import django.db.models.deletion
from django.db import migrations, models


def install(apps, schema_editor):
    from harambee.search import backends

    backends.install(schema_editor.connection)


def uninstall(apps, schema_editor):
    from harambee.search import backends

    backends.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("core", "0007_alter_content_kind"),
    ]

    operations = [
        migrations.CreateModel(
            name="Entry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("title", models.TextField(blank=True)),
                ("body", models.TextField(blank=True)),
                (
                    "comment",
                    models.OneToOneField(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="core.comment",
                    ),
                ),
                (
                    "content",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to="core.content"
                    ),
                ),
            ],
            options={
                "verbose_name": "search index entry",
                "verbose_name_plural": "search index entries",
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("comment__isnull", True)),
                        fields=("content",),
                        name="search_one_entry_per_item",
                    )
                ],
            },
        ),
        migrations.RunPython(install, uninstall),
    ]
