from django.contrib import admin

from harambee.initiatives.models import Theme


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    """The alliance's theme vocabulary, with its translations
    (``{"fr": {"name": "…", "description": "…"}}``)."""

    list_display = ["name", "group", "slug"]
    list_filter = ["group"]
    prepopulated_fields = {"slug": ["name"]}
