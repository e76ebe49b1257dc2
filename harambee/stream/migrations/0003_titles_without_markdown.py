from django.db import migrations


def retitle(apps, schema_editor):
    """Titles made from a post's first words were its Markdown (``**Radio**``), which
    notices and lists then showed as typed: make them from the text as it reads."""
    from harambee.stream.services import title_from_text

    StreamPost = apps.get_model("stream", "StreamPost")
    Content = apps.get_model("core", "Content")
    changed = []
    for pk, title, body in StreamPost.objects.values_list("pk", "title", "body").iterator():
        if not any(mark in body for mark in "*_`[]<>#!\\~|"):
            continue
        new = title_from_text(body)
        if new != title:
            changed.append(Content(pk=pk, title=new))
        if len(changed) >= 1000:
            Content.objects.bulk_update(changed, ["title"])
            changed = []
    Content.objects.bulk_update(changed, ["title"])


class Migration(migrations.Migration):
    dependencies = [("stream", "0002_handles_for_existing_people"), ("core", "0001_initial")]

    operations = [migrations.RunPython(retitle, migrations.RunPython.noop)]
