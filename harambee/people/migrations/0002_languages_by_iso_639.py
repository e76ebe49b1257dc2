from django.db import migrations


def to_languages(apps, schema_editor):
    """Profiles chose among Django's interface languages, some of them regional
    ("pt-br", "zh-hans", "en-gb"); the list is now of languages (ISO 639), so a
    regional choice becomes its language, once."""
    from harambee.people.languages import LANGUAGE_NAMES

    User = apps.get_model("people", "User")
    changed = []
    for user in User.objects.exclude(languages=[]).only("pk", "languages").iterator():
        codes = []
        for code in user.languages or []:
            base = code if code in LANGUAGE_NAMES else code.split("-")[0]
            if base not in codes:
                codes.append(base)
        if codes != user.languages:
            user.languages = codes
            changed.append(user)
        if len(changed) >= 1000:
            User.objects.bulk_update(changed, ["languages"])
            changed = []
    User.objects.bulk_update(changed, ["languages"])


class Migration(migrations.Migration):
    dependencies = [("people", "0001_initial")]

    operations = [migrations.RunPython(to_languages, migrations.RunPython.noop)]
