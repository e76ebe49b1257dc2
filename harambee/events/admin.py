"""Events in the admin: stewards see the events the gate lets them read, and may fix
an event's text, times or room. Who registered, their answers and codes, and the
guests invited are for the organisers, on the event's own pages: the admin shows none
of them. Places taken and cancellation change only through ``events.services`` (the
counter of places and the waiting list stay consistent only there)."""

from django.contrib import admin

from harambee.core.visibility import visible
from harambee.events.models import Event


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "event_kind", "space", "starts", "mode", "visibility", "cancelled"]
    list_filter = ["event_kind", "mode", "visibility", "registration"]
    search_fields = ["title"]
    date_hierarchy = "starts"
    raw_id_fields = ["author", "coauthors", "space", "organisers"]
    readonly_fields = ["taken", "cancelled"]

    def get_queryset(self, request):
        return visible(request.user, super().get_queryset(request))
