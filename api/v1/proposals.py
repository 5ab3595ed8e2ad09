"""``/proposals``: priced offers to clients."""

from __future__ import annotations

from decimal import Decimal

from rest_framework import serializers

from api.base import TenantViewSet
from api.serializers import Id, Money, OutputSerializer, Text
from api.v1.travellers import (
    passport_warnings_output,
    traveller_ids_input,
    traveller_ids_output,
)
from crm.models import (
    Proposal,
    ProposalStatus,
)
from crm.proposals import selectors as proposal_selectors
from crm.proposals import services as proposal_services
from crm.proposals.filters import ProposalFilter
from crm.proposals.lifecycle import PROPOSAL_TRANSITIONS


class ProposalSerializer(OutputSerializer):
    """A priced proposal sent to a client, optionally for an itinerary."""

    id = Id()
    client_id = Id()
    itinerary_id = Id(allow_null=True)
    title = serializers.CharField()
    status = serializers.ChoiceField(choices=ProposalStatus.choices)
    currency = serializers.CharField()
    total_price = Money()
    valid_until = serializers.DateField(allow_null=True)
    message = Text()
    sent_at = serializers.DateTimeField(allow_null=True)
    viewed_at = serializers.DateTimeField(allow_null=True)
    responded_at = serializers.DateTimeField(allow_null=True)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class ProposalDetailSerializer(ProposalSerializer):
    """A proposal with who goes (the passport warning reads its itinerary's end date)."""

    traveller_ids = traveller_ids_output()
    passport_warnings = passport_warnings_output()


class ProposalInputSerializer(serializers.Serializer):
    client_id = Id(required=False, help_text="Required unless itinerary_id is given.")
    itinerary_id = Id(required=False, allow_null=True)
    title = serializers.CharField(max_length=200)
    status = serializers.ChoiceField(
        choices=ProposalStatus.choices,
        required=False,
        help_text="Changes only along the lifecycle; any other change is a 422 naming the "
        f"current status. {PROPOSAL_TRANSITIONS.describe()} A new proposal is a draft; a status "
        "given on creation is reached step by step. sent_at, viewed_at and responded_at are "
        "stamped by these changes.",
    )
    currency = serializers.CharField(
        min_length=3, max_length=3, required=False, help_text="ISO 4217; the agency's by default."
    )
    total_price = Money(min_value=Decimal("0"), required=False)
    valid_until = serializers.DateField(required=False, allow_null=True)
    message = Text(required=False, allow_null=True)
    traveller_ids = traveller_ids_input()


class ProposalViewSet(TenantViewSet):
    resource = "proposal"
    model = Proposal
    output_serializer = ProposalSerializer
    detail_serializer = ProposalDetailSerializer
    input_serializer = ProposalInputSerializer
    filterset_class = ProposalFilter
    list_selector = proposal_selectors.proposal_list
    get_selector = proposal_selectors.proposal_get
    create_service = proposal_services.proposal_create
    update_service = proposal_services.proposal_update
    delete_service = proposal_services.proposal_delete
