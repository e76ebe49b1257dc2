from django.contrib import admin

from harambee.notifications.models import DigestRun


@admin.register(DigestRun)
class DigestRunAdmin(admin.ModelAdmin):
    list_display = ["frequency", "period", "started", "finished", "recipients", "notifications"]
    readonly_fields = list_display
