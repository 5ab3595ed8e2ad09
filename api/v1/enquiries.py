"""``/enquiries``: the website-form enquiries inbox. List and read them; ``PATCH`` changes an
enquiry's ``status`` (new, in_progress, converted, closed) and who it is assigned to. They are
made by the website forms only: no POST, no DELETE."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from api.base import TenantViewSet, envelope
from api.exceptions import api_field_names
from api.serializers import Id, OutputSerializer, Text
from crm.enquiries import inbox as enquiry_inbox
from crm.enquiries import selectors as enquiry_selectors
from crm.enquiries.filters import EnquiryFilter, resolve_mine
from crm.enquiries.inbox import ENQUIRY_TRANSITIONS
from crm.enquiries.models import EnquiryStatus
from crm.models import Enquiry


class EnquirySerializer(OutputSerializer):
    """What a website form sent, as fields (`extra`: every other field the form posted, as
    given), the client it created or matched (`matched_existing`), its `status` and its
    assignee."""

    id = Id()
    status = serializers.ChoiceField(choices=EnquiryStatus.choices)
    assigned_to_id = Id(allow_null=True)
    client_id = Id(allow_null=True)
    form_id = Id(allow_null=True)
    itinerary_id = Id(allow_null=True, help_text="The itinerary a conversion started.")
    matched_existing = serializers.BooleanField()
    name = serializers.CharField()
    email = serializers.CharField()
    phone = serializers.CharField()
    destination = serializers.CharField()
    travel_start = serializers.DateField(allow_null=True)
    travel_end = serializers.DateField(allow_null=True)
    travellers = serializers.IntegerField(allow_null=True)
    budget = serializers.CharField()
    message = Text()
    extra = serializers.DictField()
    page_url = serializers.CharField()
    status_changed_at = serializers.DateTimeField(allow_null=True)
    created_at = serializers.DateTimeField()


class EnquiryUpdateSerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=EnquiryStatus.choices,
        required=False,
        help_text=ENQUIRY_TRANSITIONS.describe(),
    )
    assigned_to_id = Id(
        required=False,
        allow_null=True,
        help_text="An active member of the agency, or null for nobody. Assigning a new "
        "enquiry puts it in progress.",
    )


class EnquiryViewSet(TenantViewSet):
    """Website enquiries, newest first. `mine=true` lists those assigned to the token's user;
    `status=open` those new or in progress; `unassigned=true` nobody's yet."""

    resource = "enquiry"
    model = Enquiry
    output_serializer = EnquirySerializer
    input_serializer = EnquiryUpdateSerializer
    filterset_class = EnquiryFilter
    list_selector = enquiry_selectors.enquiry_inbox
    get_selector = enquiry_selectors.enquiry_get
    http_method_names = ["get", "patch", "head", "options"]

    def filters(self) -> Any:
        params = super().filters()
        if "mine" not in params:
            return params
        return resolve_mine(params, user_id=self.request.auth.user.pk) or None

    def partial_update(self, request: Request, pk: str, **parent: Any) -> Response:
        enquiry = self.get_object()
        assert isinstance(enquiry, Enquiry)  # get_selector's
        fields = self.validated_fields(request, partial=True)
        with api_field_names():
            enquiry = enquiry_inbox.enquiry_update(
                enquiry=enquiry, actor=request.auth.user, **fields
            )
        return envelope(self.represent(enquiry))
