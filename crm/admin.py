"""Operator admin for CRM data. Agents use the dashboard; the admin is for staff, so it shows
every agency with an agency filter. Relations use raw id inputs so a page never loads every
client of every agency into a dropdown."""

from typing import Any, ClassVar

from django.contrib import admin
from django.http import HttpRequest

from crm.models import (
    Booking,
    Client,
    Enquiry,
    EnquiryForm,
    Itinerary,
    ItineraryDay,
    ItineraryItem,
    Payment,
    Proposal,
    Supplier,
    SupplierContact,
)
from crm.proposals.lifecycle import FROZEN_TERMS, PROPOSAL_TRANSITIONS


class TenantAdmin(admin.ModelAdmin):
    list_filter: ClassVar[tuple[str, ...]] = ("agency",)
    list_select_related: ClassVar[tuple[str, ...]] = ("agency",)
    raw_id_fields: ClassVar[tuple[str, ...]] = ("agency",)
    list_per_page = 50


@admin.register(Client)
class ClientAdmin(TenantAdmin):
    list_display = ("name", "email", "phone", "status", "source", "agency", "created_at")
    list_filter = ("agency", "status", "source")
    search_fields = ("name", "email", "phone", "company")
    raw_id_fields = ("agency", "assigned_to", "created_by")


class ItineraryItemInline(admin.TabularInline):
    model = ItineraryItem
    extra = 0
    raw_id_fields = ("supplier",)


@admin.register(ItineraryDay)
class ItineraryDayAdmin(admin.ModelAdmin):
    list_display = ("itinerary", "day_number", "title", "date", "location")
    raw_id_fields = ("itinerary",)
    inlines = [ItineraryItemInline]


class ItineraryDayInline(admin.TabularInline):
    model = ItineraryDay
    extra = 0
    show_change_link = True


@admin.register(Itinerary)
class ItineraryAdmin(TenantAdmin):
    list_display = ("title", "client", "status", "start_date", "end_date", "agency")
    list_filter = ("agency", "status")
    search_fields = ("title", "client__name")
    raw_id_fields = ("agency", "client", "created_by")
    list_select_related = ("agency", "client")
    inlines = [ItineraryDayInline]


@admin.register(Proposal)
class ProposalAdmin(TenantAdmin):
    list_display = ("title", "client", "status", "currency", "total_price", "valid_until", "agency")
    list_filter = ("agency", "status")
    search_fields = ("title", "client__name")
    raw_id_fields = ("agency", "client", "itinerary", "created_by")
    list_select_related = ("agency", "client")
    exclude = ("share_token",)
    # The status and its timestamps change through crm.proposals.lifecycle only.
    readonly_fields = ("status", "sent_at", "viewed_at", "responded_at", "link_revoked_at")

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        """An answered proposal's terms are frozen here too (its versions are not in the
        admin at all: a sent version never changes)."""
        fields = tuple(super().get_readonly_fields(request, obj))
        if obj is not None and PROPOSAL_TRANSITIONS.is_final(obj.status):
            fields += tuple(FROZEN_TERMS)
        return fields


class PaymentInline(admin.TabularInline):
    """Payments are shown, never written here: ``payment_record`` is their one door (it keeps
    the booking's ``amount_paid`` equal to their sum and records ``payment.recorded``)."""

    model = Payment
    extra = 0
    can_delete = False
    readonly_fields = ("amount", "currency", "paid_on", "method", "reference", "notes")
    exclude = ("agency", "recorded_by")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Booking)
class BookingAdmin(TenantAdmin):
    list_display = (
        "reference",
        "client",
        "status",
        "start_date",
        "currency",
        "total_price",
        "amount_paid",
        "agency",
    )
    list_filter = ("agency", "status")
    search_fields = ("reference", "client__name", "supplier__name")
    raw_id_fields = ("agency", "client", "proposal", "itinerary", "created_by", "supplier")
    list_select_related = ("agency", "client")
    inlines = [PaymentInline]
    # The status changes through crm.bookings.lifecycle; amount_paid is the payments' sum; cost
    # and commission are the services' (crm.bookings.financials).
    readonly_fields = ("status", "amount_paid", "total_cost", "commission_expected")


class SupplierContactInline(admin.TabularInline):
    model = SupplierContact
    extra = 0


@admin.register(Supplier)
class SupplierAdmin(TenantAdmin):
    list_display = ("name", "type", "agency", "default_commission_rate", "archived_at")
    list_filter = ("agency", "type")
    search_fields = ("name", "email", "contacts__name", "contacts__email")
    raw_id_fields = ("agency", "created_by", "archived_by")
    inlines = [SupplierContactInline]


@admin.register(EnquiryForm)
class EnquiryFormAdmin(TenantAdmin):
    list_display = ("name", "agency", "is_active", "created_at")
    filter_horizontal = ("notify_users",)


@admin.register(Enquiry)
class EnquiryAdmin(TenantAdmin):
    list_display = ("name", "email", "phone", "form", "client", "matched_existing", "created_at")
    search_fields = ("name", "email", "phone")
    raw_id_fields = ("agency", "form", "client")
