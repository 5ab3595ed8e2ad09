"""API v1 views: declarations over ``TenantViewSet``; the rules live in crm.services/selectors."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework import exceptions
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import selectors as account_selectors
from api.authentication import OptionalBearerTokenAuthentication
from api.base import ApiViewMixin, TenantViewSet, envelope
from api.exceptions import error_response
from api.pagination import PagePagination
from api.serializers import (
    ActivitySerializer,
    BookingDetailSerializer,
    BookingInputSerializer,
    BookingSerializer,
    ClientInputSerializer,
    ClientSerializer,
    ItineraryDetailSerializer,
    ItineraryInputSerializer,
    ItinerarySerializer,
    MeAgencySerializer,
    MeSerializer,
    MeUserSerializer,
    ProposalInputSerializer,
    ProposalSerializer,
)
from core import idempotency
from crm import summary
from crm.bookings import selectors as booking_selectors
from crm.bookings import services as booking_services
from crm.bookings.filters import BookingFilter
from crm.clients import selectors as client_selectors
from crm.clients import services as client_services
from crm.clients.filters import ClientFilter
from crm.models import Booking, Client, ClientSource, Itinerary, Proposal
from crm.proposals import selectors as proposal_selectors
from crm.proposals import services as proposal_services
from crm.proposals.filters import ProposalFilter
from crm.trips import selectors as trip_selectors
from crm.trips import services as trip_services
from crm.trips.filters import ItineraryFilter


class MeView(ApiViewMixin, APIView):
    """Your account summary and record counts."""

    response_serializer = MeSerializer

    def get(self, request: Request) -> Response:
        user = request.auth.user
        return envelope(
            {
                "user": MeUserSerializer.represent(user),
                "agency": MeAgencySerializer.represent(user.agency),
                "counts": summary.agency_counts(agency=user.agency),
            }
        )


class ClientViewSet(TenantViewSet):
    """Clients and leads. A client created here starts as a `lead` unless a status is given."""

    resource = "client"
    model = Client
    output_serializer = ClientSerializer
    input_serializer = ClientInputSerializer
    filterset_class = ClientFilter
    list_selector = client_selectors.client_list
    get_selector = client_selectors.client_get
    create_service = client_services.client_create
    update_service = client_services.client_update
    delete_service = client_services.client_delete

    @action(detail=True, methods=["get"], url_path="activity", filter_backends=[])
    def activity(self, request: Request, pk: str) -> Response:
        """The client's history: every change to it and to its itineraries, proposals,
        bookings and payments (who, when, through which channel, what changed), newest first."""
        client = self.get_object()
        paginator: PagePagination = self.paginator
        paginator.parse(request)
        rows = paginator.paginate_queryset(
            account_selectors.client_activity(agency=self.agency, client_id=client.pk),
            request,
            self,
        )
        return paginator.get_paginated_response(ActivitySerializer.represent_many(rows))

    def perform_create(self, fields: dict[str, Any]) -> Client:
        return client_services.client_create(
            agency=self.agency, created_by=self.request.auth.user, source=ClientSource.API, **fields
        )

    @extend_schema(
        parameters=[
            OpenApiParameter(
                idempotency.HEADER,
                str,
                OpenApiParameter.HEADER,
                required=False,
                description=(
                    "Any unique string (a UUID). Retrying with the same key and body within 24 "
                    "hours replays the first answer (`Idempotent-Replayed: true`) instead of "
                    "creating a second client; the same key with another body is a 422."
                ),
            )
        ]
    )
    def create(self, request: Request) -> Response:
        """An ``Idempotency-Key`` makes a retried create replay the first answer for 24 hours
        (one client, however many retries; see core.idempotency). Keys belong to the token."""
        key = request.headers.get(idempotency.HEADER)
        if key is None:
            return super().create(request)
        create = super().create

        def run() -> idempotency.StoredResponse:
            response = create(request)
            return idempotency.StoredResponse(
                response.status_code, idempotency.json_body(response.data)
            )

        try:
            outcome = idempotency.idempotent_call(
                scope=f"token:{request.auth.pk}",
                key=key,
                request_hash=idempotency.request_hash("POST", request.path, request.data),
                handler=run,
            )
        except idempotency.IdempotencyError as exc:
            errors = {idempotency.HEADER: [exc.message]} if exc.status == 422 else None
            return error_response(exc.status, exc.message, errors, headers=exc.headers)
        response = Response(outcome.response.body, status=outcome.response.status)
        if outcome.replayed:
            response[idempotency.REPLAYED_HEADER] = "true"
        return response


class ItineraryViewSet(TenantViewSet):
    """Itineraries with their day-by-day plan (days in order, each with its items in order)."""

    resource = "itinerary"
    model = Itinerary
    output_serializer = ItinerarySerializer
    detail_serializer = ItineraryDetailSerializer
    input_serializer = ItineraryInputSerializer
    filterset_class = ItineraryFilter
    list_selector = trip_selectors.itinerary_list
    get_selector = trip_selectors.itinerary_get
    create_service = trip_services.itinerary_create
    update_service = trip_services.itinerary_update
    delete_service = trip_services.itinerary_delete
    nested_fields = ("days",)


class ProposalViewSet(TenantViewSet):
    resource = "proposal"
    model = Proposal
    output_serializer = ProposalSerializer
    input_serializer = ProposalInputSerializer
    filterset_class = ProposalFilter
    list_selector = proposal_selectors.proposal_list
    get_selector = proposal_selectors.proposal_get
    create_service = proposal_services.proposal_create
    update_service = proposal_services.proposal_update
    delete_service = proposal_services.proposal_delete


class BookingViewSet(TenantViewSet):
    """Bookings; `balance_due` is `total_price - amount_paid`."""

    resource = "booking"
    model = Booking
    output_serializer = BookingSerializer
    detail_serializer = BookingDetailSerializer
    input_serializer = BookingInputSerializer
    filterset_class = BookingFilter
    list_selector = booking_selectors.booking_list
    get_selector = booking_selectors.booking_get
    create_service = booking_services.booking_create
    update_service = booking_services.booking_update
    delete_service = booking_services.booking_delete


class PublicApiView(ApiViewMixin):
    """Pages anyone may fetch; a valid token still counts against its own limit."""

    authentication_classes = [OptionalBearerTokenAuthentication]
    permission_classes = [AllowAny]
    # A token that turns out to be revoked is ignored here, not a 401: verify it in full.
    confirms_token_epoch = False


class NotFoundView(PublicApiView, APIView):
    """Every path under /api/ that is not an endpoint: a JSON 404, never a redirect or HTML."""

    schema = None

    def handle(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        raise exceptions.NotFound()

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)
        response.headers.pop("Allow", None)  # nothing is allowed on a path that is not there
        return response

    get = post = put = patch = delete = head = options = trace = handle


class SchemaView(PublicApiView, SpectacularAPIView):
    pass


class DocsView(PublicApiView, SpectacularSwaggerView):
    pass
