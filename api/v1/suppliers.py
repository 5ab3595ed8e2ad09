"""``/suppliers``: the agency's supplier directory, each supplier with its contact people."""

from __future__ import annotations

from decimal import Decimal

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from api.archive import ArchivableMixin
from api.base import TenantViewSet
from api.exceptions import error_response
from api.serializers import (
    DecimalString,
    ErrorSerializer,
    Id,
    OutputSerializer,
    Text,
    WholeItems,
    max_length_of,
)
from crm.models import Supplier, SupplierContact, SupplierType
from crm.suppliers import selectors as supplier_selectors
from crm.suppliers import services as supplier_services
from crm.suppliers.filters import SupplierFilter
from crm.suppliers.services import MAX_CONTACTS, SupplierInUse

WEBSITE_MAX = 255


class SupplierContactSerializer(OutputSerializer):
    """A person at the supplier, in order."""

    name = serializers.CharField()
    role = Text()
    email = Text()
    phone = Text()


class SupplierSerializer(OutputSerializer):
    """A supplier of the agency, with its contact people."""

    id = Id()
    name = serializers.CharField()
    type = serializers.ChoiceField(choices=SupplierType.choices)
    email = Text()
    phone = Text()
    website = Text()
    currency = Text(help_text="The currency it invoices in; empty when not set.")
    default_commission_rate = serializers.DecimalField(
        max_digits=5,
        decimal_places=2,
        help_text='Percent of a service\'s price the supplier pays the agency (e.g. `"10.00"`); '
        "a booked service without a typed commission expects this share of its price.",
    )
    payment_terms = Text()
    notes = Text()
    contacts = SupplierContactSerializer(many=True)
    archived_at = serializers.DateTimeField(
        allow_null=True, help_text="When the supplier was archived; null while it is in the lists."
    )
    archived_by_id = Id(allow_null=True)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class SupplierContactInputSerializer(serializers.Serializer):
    class Meta:
        list_serializer_class = WholeItems  # whole items in a PATCH too

    name = serializers.CharField(max_length=max_length_of(SupplierContact, "name"))
    role = Text(max_length=max_length_of(SupplierContact, "role"), required=False)
    email = serializers.EmailField(
        max_length=max_length_of(SupplierContact, "email"), required=False, allow_blank=True
    )
    phone = Text(max_length=max_length_of(SupplierContact, "phone"), required=False)


class SupplierInputSerializer(serializers.Serializer):
    name = serializers.CharField(
        max_length=max_length_of(Supplier, "name"),
        help_text="Unique in your agency, ignoring case (a second “Hotel Avenida” is a 422).",
    )
    type = serializers.ChoiceField(
        choices=SupplierType.choices, required=False, help_text="Defaults to `other`."
    )
    email = serializers.EmailField(
        max_length=max_length_of(Supplier, "email"),
        required=False,
        allow_blank=True,
        allow_null=True,
    )
    phone = Text(max_length=max_length_of(Supplier, "phone"), required=False, allow_null=True)
    website = serializers.URLField(
        # Not the column's 300: a longer URL could hold a host name over the 253 characters
        # Django's URL check allows, which no schema length could then promise.
        max_length=WEBSITE_MAX,
        required=False,
        allow_blank=True,
        allow_null=True,
    )
    currency = Text(
        max_length=3, required=False, allow_null=True, help_text="ISO 4217, e.g. `EUR`; optional."
    )
    default_commission_rate = DecimalString(
        max_digits=5,
        decimal_places=2,
        min_value=Decimal("0"),
        max_value=Decimal("100"),
        required=False,
        allow_null=True,
        help_text="Percent, 0 to 100; defaults to 0.",
    )
    payment_terms = Text(
        max_length=max_length_of(Supplier, "payment_terms"), required=False, allow_null=True
    )
    notes = Text(required=False, allow_null=True)
    contacts = SupplierContactInputSerializer(  # type: ignore[call-arg]  # max_length: ListSerializer's
        many=True,
        required=False,
        max_length=MAX_CONTACTS,
        help_text="The supplier's people, in order; when given it replaces the current list.",
    )


IN_USE = OpenApiResponse(
    response=ErrorSerializer,
    description="The supplier is named by bookings, booked services, itinerary items or "
    "library items: archive it instead (`POST /suppliers/{id}/archive`).",
)


class SupplierViewSet(ArchivableMixin, TenantViewSet):
    """The supplier directory: airlines, hotels, ground handlers and the others your agency
    books services with. Search with `q` (names, emails and phones of the supplier and its
    contacts); filter by `type`, `currency`, `archived`."""

    resource = "supplier"
    model = Supplier
    output_serializer = SupplierSerializer
    input_serializer = SupplierInputSerializer
    filterset_class = SupplierFilter
    list_selector = supplier_selectors.supplier_list
    get_selector = supplier_selectors.supplier_get
    create_service = supplier_services.supplier_create
    update_service = supplier_services.supplier_update
    delete_service = supplier_services.supplier_delete
    archive_service = supplier_services.supplier_archive
    restore_service = supplier_services.supplier_restore
    nested_fields = ("contacts",)
    extra_responses = {"destroy": {409: IN_USE}}

    @extend_schema(
        description="Deletes a supplier nothing names. One still named by a booking, a booked "
        "service, an itinerary item or a library item is refused with a 409: archive it instead."
    )
    def destroy(self, request: Request, pk: str) -> Response:
        try:
            supplier = self.get_object()
            assert isinstance(supplier, Supplier)
            supplier_services.supplier_delete(supplier=supplier, actor=request.auth.user)
        except SupplierInUse as exc:
            return error_response(409, str(exc))
        return Response(status=204)
