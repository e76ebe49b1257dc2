from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_space(apps, schema_editor):
    Post = apps.get_model("spaces", "Post")
    Content = apps.get_model("core", "Content")
    space = Content.objects.filter(pk=OuterRef("pk")).values("space_id")[:1]
    Post.objects.filter(content_ptr__space__isnull=False).update(space_key=Subquery(space))


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0013_content_kind_created"),
        ("spaces", "0005_post_pinned_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="post",
            name="space_key",
            field=models.PositiveBigIntegerField(default=0, editable=False),
        ),
        migrations.RunPython(copy_space, migrations.RunPython.noop),
        migrations.RemoveIndex(model_name="post", name="post_pinned"),
        migrations.AddIndex(
            model_name="post",
            index=models.Index(
                condition=models.Q(("pinned", True)),
                fields=["space_key"],
                name="post_pinned_space",
            ),
        ),
        migrations.RemoveIndex(model_name="post", name="post_last_activity"),
        migrations.RemoveIndex(model_name="post", name="post_reply_count"),
        migrations.AddIndex(
            model_name="post",
            index=models.Index(fields=["space_key", "-last_activity"], name="post_space_activity"),
        ),
        migrations.AddIndex(
            model_name="post",
            index=models.Index(fields=["space_key", "-reply_count"], name="post_space_replies"),
        ),
    ]
