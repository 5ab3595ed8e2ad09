"""The stock-DRF peer of ``GET /api/v1/clients``: the same list written the way the DRF and
django-filter documentation teach it, for the "Itinera >= 2x a documented DRF endpoint" ratios
in bench/README.md.

``ModelViewSet`` (only ``list`` is routed), ``ModelSerializer``, ``PageNumberPagination`` with
the JK envelope (``{"data", "meta"}``, ``?page=`` and ``?per_page=`` up to 100),
``DjangoFilterBackend`` with a ``FilterSet`` (``status`` and ``q``, the same OR of
``icontains`` the API runs), DRF's ``TokenAuthentication`` (``rest_framework.authtoken``,
``Authorization: Token <key>``) and a ``UserRateThrottle`` on the default cache, which is the
same Redis as the API's rate limit. DRF's own JSON renderer and parser, none of the project's
overrides. It answers the rows ``/api/v1/clients`` answers (``tests/bench/test_ceilings.py``).

Mounted only by ``bench.urls``; ``rest_framework.authtoken`` is installed only by
``bench.settings`` and the test settings.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import Q, QuerySet
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import serializers, viewsets
from rest_framework.authentication import TokenAuthentication
from rest_framework.pagination import PageNumberPagination
from rest_framework.parsers import JSONParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.throttling import UserRateThrottle

from accounts.models import User
from crm.models import Client

# The API's rendering of a timestamp: UTC, whole seconds, "+00:00".
TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%S+00:00"


class ClientPeerSerializer(serializers.ModelSerializer):
    created_at = serializers.DateTimeField(format=TIMESTAMP_FORMAT, default_timezone=None)
    updated_at = serializers.DateTimeField(format=TIMESTAMP_FORMAT, default_timezone=None)
    archived_at = serializers.DateTimeField(format=TIMESTAMP_FORMAT, default_timezone=None)

    class Meta:
        model = Client
        fields = [
            "id", "kind", "name", "company_client_id", "email", "phone", "phone_e164",
            "company", "city", "country", "nationality", "notes", "tags", "status", "source",
            "assigned_to_id", "created_at", "updated_at", "archived_at", "archived_by_id",
        ]  # fmt: skip

    # ModelSerializer would name the foreign keys without ``_id``; these are the API's names.
    company_client_id = serializers.IntegerField(allow_null=True, read_only=True)
    assigned_to_id = serializers.IntegerField(allow_null=True, read_only=True)
    archived_by_id = serializers.IntegerField(allow_null=True, read_only=True)


class ClientPeerFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q")

    class Meta:
        model = Client
        fields = ["status"]

    def filter_q(self, queryset: QuerySet[Client], name: str, value: str) -> QuerySet[Client]:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(name__icontains=value)
            | Q(email__icontains=value)
            | Q(phone__icontains=value)
            | Q(company__icontains=value)
        )


class JkPagination(PageNumberPagination):
    page_size = 25
    page_size_query_param = "per_page"
    max_page_size = 100

    def get_paginated_response(self, data: Any) -> Response:
        assert self.page is not None  # set by paginate_queryset
        paginator = self.page.paginator
        return Response(
            {
                "data": data,
                "meta": {
                    "current_page": self.page.number,
                    "last_page": paginator.num_pages,
                    "per_page": paginator.per_page,
                    "total": paginator.count,
                },
            }
        )


class BenchUserRateThrottle(UserRateThrottle):
    rate = "100000/min"  # as the API's bench token: never the bottleneck of a figure


class ClientPeerViewSet(viewsets.ModelViewSet):
    serializer_class = ClientPeerSerializer
    pagination_class = JkPagination
    filter_backends = [DjangoFilterBackend]
    filterset_class = ClientPeerFilter
    authentication_classes = [TokenAuthentication]
    permission_classes = [IsAuthenticated]
    throttle_classes = [BenchUserRateThrottle]
    renderer_classes = [JSONRenderer]
    parser_classes = [JSONParser]

    def get_queryset(self) -> QuerySet[Client]:
        user = self.request.user
        assert isinstance(user, User) and user.agency_id is not None  # IsAuthenticated ran first
        return Client.objects.filter(agency_id=user.agency_id, archived_at__isnull=True).order_by(
            "-created_at", "-id"
        )
