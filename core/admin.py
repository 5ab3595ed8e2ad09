from django.contrib import admin

from core.models import IdempotencyRecord


@admin.register(IdempotencyRecord)
class IdempotencyRecordAdmin(admin.ModelAdmin):
    list_display = ("scope", "key", "status_code", "created_at")
    search_fields = ("scope", "key")
