from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from harambee.core.services import alliance_role_change
from harambee.people.forms import ProfileForm
from harambee.people.models import Organisation, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["display_name"]
    list_display = [
        "display_name",
        "email",
        "role",
        "organisation",
        "sector",
        "country",
        "is_active",
    ]
    list_filter = ["role", "sector", "is_active"]
    search_fields = ["display_name", "email"]
    readonly_fields = ["last_login", "date_joined", "is_staff"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (
            _("Profile"),
            # The same fields a person edits on their own profile.
            {"fields": tuple(ProfileForm.Meta.fields)},
        ),
        (_("Access"), {"fields": ("role", "is_active", "is_staff", "is_superuser")}),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "display_name", "role", "password1", "password2"),
            },
        ),
    )

    def save_model(self, request, obj, form, change):
        if change and "role" in form.changed_data:
            role = obj.role
            obj.role = form.initial["role"]
            super().save_model(request, obj, form, change)
            alliance_role_change(actor=request.user, user=obj, role=role)
        else:
            super().save_model(request, obj, form, change)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "sector", "country", "relationship"]
    list_filter = ["sector", "relationship"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
