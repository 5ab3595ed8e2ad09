from django.contrib import admin

from core.models import IdempotencyRecord, OutboundEmail


@admin.register(IdempotencyRecord)
class IdempotencyRecordAdmin(admin.ModelAdmin):
    list_display = ("scope", "key", "status_code", "created_at")
    search_fields = ("scope", "key")


@admin.register(OutboundEmail)
class OutboundEmailAdmin(admin.ModelAdmin):
    """Read-only: the outbox is a record of what was sent, changed only by its delivery job."""

    list_display = ("kind", "recipient", "status", "attempts", "agency_id", "created_at", "sent_at")
    list_filter = ("status", "kind")
    search_fields = ("recipient", "subject", "idempotency_key")
    readonly_fields = [field.name for field in OutboundEmail._meta.fields]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False
