from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from accounts.models import Activity, Agency, ApiToken, Invitation, User


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "default_currency", "timezone", "created_at")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "email", "name", "agency", "role", "is_active", "is_staff")
    list_filter = ("role", "is_active", "is_staff", "agency")
    search_fields = ("username", "email", "name")
    list_select_related = ("agency",)
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        ("Agency", {"fields": ("name", "agency", "role")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("username", "email", "agency", "role")}),
        *BaseUserAdmin.add_fieldsets[0:0],
        ("Password", {"fields": ("password1", "password2")}),
    )


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    # The digest is never shown and tokens are only issued from the dashboard or the command.
    list_display = (
        "name",
        "prefix",
        "user",
        "read_only",
        "rate_limit",
        "created_at",
        "last_used_at",
        "expires_at",
        "revoked_at",
    )
    list_filter = ("read_only",)
    search_fields = ("name", "key", "user__username", "user__email")
    list_select_related = ("user",)
    fields = (
        "user",
        "name",
        "key",
        "read_only",
        "rate_limit",
        "created_at",
        "last_used_at",
        "expires_at",
        "revoked_at",
    )
    readonly_fields = ("user", "key", "created_at", "last_used_at")

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ("email", "agency", "role", "created_at", "expires_at", "accepted_at")
    list_filter = ("agency", "role")
    search_fields = ("email",)
    exclude = ("token",)


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    """The audit trail is read-only, even for staff."""

    list_display = (
        "created_at",
        "agency",
        "actor_name",
        "channel",
        "action",
        "object_type",
        "object_repr",
    )
    list_filter = ("channel", "action", "object_type", "agency")
    search_fields = ("object_repr", "actor_name")
    list_select_related = ("agency",)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
