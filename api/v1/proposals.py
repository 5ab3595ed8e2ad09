"""``/proposals``: priced offers to clients."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, ClassVar

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from api.base import TenantViewSet, envelope
from api.exceptions import api_field_names
from api.serializers import Id, Money, OutputSerializer, Text
from api.v1.exports import CsvListMixin
from api.v1.proposal_parts import (
    PDF_PENDING,
    ChoiceField,
    OptionSerializer,
    SnapshotField,
    options_input,
    pdf_or_pending,
)
from api.v1.travellers import (
    passport_warnings_output,
    traveller_ids_input,
    traveller_ids_output,
)
from core.errors import Conflict
from core.pdf import pdf_response
from crm.models import Proposal, ProposalStatus, ProposalVersion
from crm.proposals import documents as proposal_documents
from crm.proposals import emails as proposal_emails
from crm.proposals import selectors as proposal_selectors
from crm.proposals import services as proposal_services
from crm.proposals.filters import ProposalFilter
from crm.proposals.lifecycle import PROPOSAL_TRANSITIONS


class AcceptanceSerializer(OutputSerializer):
    """The client's e-signature on the link: what they typed, when, from where, on which
    frozen version (its SHA-256) under which terms version."""

    full_name = serializers.CharField(help_text="The full name the client typed to sign.")
    accepted_at = serializers.DateTimeField()
    ip_address = serializers.CharField(allow_null=True)
    user_agent = Text()
    version_number = Id(help_text="The proposal version accepted.")
    terms_version = Id(
        allow_null=True, help_text="The agency's terms version ticked; null when none existed."
    )
    content_sha256 = serializers.CharField(
        help_text="SHA-256 (hex) of the accepted version's canonical JSON content."
    )
    choice = ChoiceField(allow_null=True, source="choice_or_none")
    total_price = Money(allow_null=True, help_text="The total accepted (option and extras).")
    currency = serializers.CharField(allow_blank=True)


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
    link_revoked_at = serializers.DateTimeField(
        allow_null=True, help_text="When the client's link was deactivated; null while it works."
    )
    current_version = Id(
        allow_null=True,
        help_text="The number of the latest version sent: what the client's link shows. Null "
        "until first sent. Edits after sending are the draft of the next version.",
    )
    acceptance = AcceptanceSerializer(
        allow_null=True, source="signed", help_text="Null unless the client signed on the link."
    )
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class ProposalDetailSerializer(ProposalSerializer):
    """A proposal with who goes (the passport warning reads its itinerary's end date), and its
    options with their line items (the live draft: what the next version sent will freeze)."""

    traveller_ids = traveller_ids_output()
    passport_warnings = passport_warnings_output()
    options = OptionSerializer(many=True)


class ProposalVersionSerializer(OutputSerializer):
    """One version sent to the client, frozen (lists omit ``content``)."""

    number = Id()
    sent_at = serializers.DateTimeField()
    sent_by_id = Id(allow_null=True)
    content_sha256 = serializers.CharField(help_text="SHA-256 (hex) of the canonical content.")
    terms_version = Id(allow_null=True, source="terms_number")
    view_count = Id(help_text="Times the client's browser showed it (agents' previews excluded).")
    last_viewed_at = serializers.DateTimeField(allow_null=True)
    accepted = serializers.BooleanField(source="is_accepted")


class ProposalVersionDetailSerializer(ProposalVersionSerializer):
    content = SnapshotField()


class ProposalSendSerializer(serializers.Serializer):
    subject = serializers.CharField(
        required=False, max_length=200, help_text="The default names the proposal."
    )
    message = serializers.CharField(
        required=False,
        max_length=5_000,
        help_text="The email's message; the default greets the client with the proposal's own "
        "message.",
    )


class ProposalInputSerializer(serializers.Serializer):
    required_one_of = ("client_id", "itinerary_id")  # api.schema
    client_id = Id(required=False, help_text="Required unless itinerary_id is given.")
    itinerary_id = Id(required=False, allow_null=True)
    title = serializers.CharField(max_length=200)
    status = serializers.ChoiceField(
        choices=ProposalStatus.choices,
        required=False,
        help_text="Changes only along the lifecycle; any other change is a 422 naming the "
        f"current status. {PROPOSAL_TRANSITIONS.describe()} A new proposal is a draft; a status "
        "given on creation is reached step by step. sent_at, viewed_at and responded_at are "
        "stamped by these changes. Prefer POST /proposals/{id}/send, which emails the client; "
        "becoming sent here freezes a version too, without an email.",
    )
    currency = serializers.CharField(
        min_length=3, max_length=3, required=False, help_text="ISO 4217; the agency's by default."
    )
    total_price = Money(
        min_value=Decimal("0"),
        required=False,
        help_text="Typed only for a proposal without options; with options it is derived.",
    )
    valid_until = serializers.DateField(required=False, allow_null=True)
    message = Text(required=False, allow_null=True)
    traveller_ids = traveller_ids_input()
    options = options_input()


class ProposalViewSet(CsvListMixin, TenantViewSet):
    export = "proposals"  # ?format=csv (api.v1.exports)
    resource = "proposal"
    model = Proposal
    output_serializer = ProposalSerializer
    detail_serializer = ProposalDetailSerializer
    nested_fields = ("options",)
    input_serializer = ProposalInputSerializer
    filterset_class = ProposalFilter
    list_selector = proposal_selectors.proposal_list
    get_selector = proposal_selectors.proposal_get
    create_service = proposal_services.proposal_create
    update_service = proposal_services.proposal_update
    delete_service = proposal_services.proposal_delete
    extra_responses: ClassVar[dict[str, dict[int, Any]]] = {"version_pdf": PDF_PENDING}
    action_responses: ClassVar[dict[str, tuple[Any, Any, tuple[int, ...]]]] = {
        "send": (200, ProposalDetailSerializer, (400, 401, 403, 404, 413, 415, 422, 429)),
        "versions": (200, ProposalVersionSerializer(many=True), (401, 403, 404, 422, 429)),
        "version": (200, ProposalVersionDetailSerializer, (401, 403, 404, 429)),
        "version_pdf": ((200, "application/pdf"), OpenApiTypes.BINARY, (401, 403, 404, 429)),
        "certificate_pdf": (
            (200, "application/pdf"),
            OpenApiTypes.BINARY,
            (401, 403, 404, 409, 422, 429),
        ),
    }

    def proposal(self) -> Proposal:
        proposal = self.get_object()
        assert isinstance(proposal, Proposal)  # get_selector is proposal_get
        return proposal

    @extend_schema(
        summary="Send a proposal to its client",
        description="Emails the client the link to the proposal and freezes the next version "
        "when the content changed since the last one (the link then shows it, and the email "
        "says an updated proposal is waiting). A draft or expired proposal becomes sent; a "
        "revoked link is re-activated. An answered proposal, or a client without an email, is "
        "a 422.",
        request=ProposalSendSerializer,
    )
    @action(detail=True, methods=["post"], url_path="send", filter_backends=[])
    def send(self, request: Request, pk: str) -> Response:
        proposal = self.proposal()
        serializer = ProposalSendSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        subject, message = proposal_emails.proposal_email_defaults(proposal=proposal)
        with api_field_names():
            proposal_emails.proposal_email_send(
                proposal=proposal,
                subject=serializer.validated_data.get("subject", subject),
                message=serializer.validated_data.get("message", message),
                sent_by=request.auth.user,
            )
        return envelope(self.represent(self.proposal()))

    @extend_schema(
        summary="List a proposal's versions",
        description="Every version sent to the client, first to last (read-only; `content` "
        "is in each version's own resource).",
    )
    @action(detail=True, methods=["get"], url_path="versions", filter_backends=[])
    def versions(self, request: Request, pk: str) -> Response:
        rows = proposal_selectors.proposal_versions(proposal=self.proposal())
        paginator = self.page_paginator
        paginator.parse(request)
        page = paginator.paginate_queryset(rows, request, self, filtered=False)
        return paginator.get_paginated_response(ProposalVersionSerializer.represent_many(page))

    @extend_schema(
        summary="Fetch one version of a proposal",
        description="The frozen snapshot the client was sent as version `n`, with its SHA-256.",
        parameters=[
            OpenApiParameter("n", int, OpenApiParameter.PATH, description="Version number.")
        ],
    )
    @action(
        detail=True, methods=["get"], url_path=r"versions/(?P<n>[0-9]{1,9})", filter_backends=[]
    )
    def version(self, request: Request, pk: str, n: str) -> Response:
        try:
            version = proposal_selectors.proposal_version_get(
                proposal=self.proposal(), number=int(n)
            )
        except ProposalVersion.DoesNotExist:
            raise NotFound from None
        return envelope(ProposalVersionDetailSerializer.represent(version))

    @extend_schema(
        summary="Download a version as a PDF",
        description="Version `n` as the client was sent it (its options and prices, the "
        "day-by-day plan, the terms), under the agency's letterhead: `application/pdf`. A long "
        "one is rendered in the background: 202 with `Retry-After` until it is ready.",
        parameters=[
            OpenApiParameter("n", int, OpenApiParameter.PATH, description="Version number.")
        ],
    )
    @action(
        detail=True,
        methods=["get"],
        url_path=r"versions/(?P<n>[0-9]{1,9})/pdf",
        filter_backends=[],
    )
    def version_pdf(self, request: Request, pk: str, n: str) -> HttpResponse:
        try:
            version = proposal_selectors.proposal_version_get(
                proposal=self.proposal(), number=int(n)
            )
        except ProposalVersion.DoesNotExist:
            raise NotFound from None
        return pdf_or_pending(
            proposal_documents.version_document(version),
            filename=proposal_documents.version_filename(version),
        )

    @extend_schema(
        summary="Download the acceptance certificate as a PDF",
        description="The client's e-signature (name typed, time, IP address, browser, the "
        "version and its SHA-256, the option and total accepted): `application/pdf`. A 409 "
        "until the client signs on the link (acceptance is the client's action, never an API "
        "write).",
    )
    @action(detail=True, methods=["get"], url_path="certificate", filter_backends=[])
    def certificate_pdf(self, request: Request, pk: str) -> HttpResponse:
        acceptance = proposal_selectors.proposal_acceptance(proposal=self.proposal())
        if acceptance is None:
            raise Conflict(
                {"acceptance": ["The client has not signed this proposal on its link yet."]}
            )
        return pdf_response(
            proposal_documents.certificate_pdf(acceptance),
            filename=proposal_documents.certificate_filename(acceptance),
        )
