from django.contrib import admin

from harambee.core.visibility import visible
from harambee.spaces.models import Invitation, JoinRequest, Membership, Post, Space


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Space)
class SpaceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "listing", "join_policy", "created"]
    list_filter = ["kind", "listing", "join_policy"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]


@admin.register(JoinRequest)
class JoinRequestAdmin(admin.ModelAdmin):
    list_display = ["user", "space", "status", "created", "decided"]
    list_filter = ["status"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "space", "role", "as_guest", "created", "expires", "used"]
    readonly_fields = ["nonce", "sent", "used", "used_by"]


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    """Stewards moderate here, but read only what the gate lets them read."""

    list_display = ["title", "space", "author", "visibility", "created", "removed"]
    list_filter = ["visibility", "removed"]
    search_fields = ["title"]
    raw_id_fields = ["author", "coauthors", "space"]

    def get_queryset(self, request):
        return visible(request.user, super().get_queryset(request))
