from django.db import migrations

OBJECTIVES = [
    ("Multi-stakeholder processes", "multi-stakeholder-processes",
     "Capacities and tools to realise the full potential of multi-stakeholder processes "
     "for social justice and sustainability."),
    ("Complexity thinking", "complexity-thinking",
     "The practical value of complexity thinking in complex contexts and issues."),
    ("Leadership for enabling conditions", "leadership-enabling-conditions",
     "How leaders in business, government and civil society create the enabling conditions "
     "for effective multi-stakeholder processes."),
]
ISSUES = [
    ("Forests and land use", "forests-land-use"),
    ("Water and sanitation", "water-sanitation"),
    ("Land rights and tenure", "land-rights"),
    ("Food and agriculture", "food-agriculture"),
    ("Climate adaptation", "climate-adaptation"),
    ("Health", "health"),
    ("Livelihoods and markets", "livelihoods-markets"),
    ("Governance and accountability", "governance-accountability"),
    ("Gender and inclusion", "gender-inclusion"),
    ("Education", "education"),
]


def seed(apps, schema_editor):
    Theme = apps.get_model("initiatives", "Theme")
    Initiative = apps.get_model("initiatives", "Initiative")
    Space = apps.get_model("spaces", "Space")
    for name, slug, description in OBJECTIVES:
        Theme.objects.get_or_create(
            slug=slug, defaults={"name": name, "group": "objective", "description": description}
        )
    for name, slug in ISSUES:
        Theme.objects.get_or_create(slug=slug, defaults={"name": name, "group": "issue"})
    for space in Space.objects.filter(kind="initiative"):
        Initiative.objects.get_or_create(space=space)


class Migration(migrations.Migration):
    dependencies = [("initiatives", "0001_initial"), ("spaces", "0002_verbose_names")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
