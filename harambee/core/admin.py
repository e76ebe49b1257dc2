from django.contrib import admin

from harambee.core.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["created", "actor", "action", "space", "subject"]
    list_filter = ["action"]
    # The item an entry names is shown on the audit page through the gate, not here.
    exclude = ["content"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
