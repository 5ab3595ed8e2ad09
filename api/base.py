"""The base API view and the one tenant boundary of the API.

``ApiViewMixin`` gives every ``/api`` view the same request pipeline: authenticate, count the
request against its rate limit (the token's, or the client IP's when there is no valid token),
then check permissions and the body size; every response carries the ``X-RateLimit-*`` headers.
The order is DRF's ``APIView.initial`` reordered, in ``core.overrides``; the counting is
``core.ratelimit``, in one Redis round trip that also reads the token cache's epoch.

``TenantViewSet`` scopes every read and write to the agency of ``request.auth`` by calling the
``crm.selectors``/``crm.services`` functions a subclass names. Subclasses declare; they cannot
override how records are found.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.db import models
from django.db.models import QuerySet
from django.http import QueryDict
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import exceptions, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import Serializer
from rest_framework.viewsets import GenericViewSet

from accounts import token_cache
from accounts.models import Agency, ApiToken
from accounts.services import api_token_verify
from accounts.tenancy import TenantModel, member_agency
from api.authentication import INVALID_TOKEN, bearer_credentials
from api.exceptions import PayloadTooLarge, api_field_names, exception_handler
from api.pagination import PagePagination
from api.serializers import OutputSerializer
from api.strict import joined_list_parameters, refuse_unknown_input, replace_body
from core import ratelimit, tracing
from core.http import client_ip
from core.overrides import JSONRenderer, RateLimitFirstInitial

# Request fields named ``<relation>_id`` in the API are the relation's name in the services.
SERVICE_NAMES = {
    "client_id": "client",
    "itinerary_id": "itinerary",
    "proposal_id": "proposal",
    "assigned_to_id": "assigned_to",
    # A supplier is named by id or by name (crm.suppliers.services.supplier_resolve).
    "supplier_id": "supplier",
    "supplier": "supplier_name",
}

_LIST_COLUMNS: dict[type, tuple[str, ...] | None] = {}
# Query parameters that are not filters: pagination, and debug mode (core.tracing).
NOT_FILTERS = ("page", "per_page", tracing.DEBUG_PARAMETER)
# The request attribute carrying a rate-limit count made before the view (api.fast_list).
COUNTED = "counted_rate_limit"


class ApiViewMixin(RateLimitFirstInitial):
    """Authentication, rate limit, permission and body-size checks, in that order."""

    rate_limit: ratelimit.RateLimit | None = None
    # A token served from this process's cache is trusted only once the token cache's epoch,
    # read in the rate limit's own round trip, is still the one it was cached under.
    confirms_token_epoch = True
    token_epoch_to_confirm: bytes | None = None
    # What a view other than a TenantViewSet answers, for the schema (api.schema).
    response_serializer: ClassVar[type[Serializer]]
    # Unknown query parameters and body fields are a 422 (api.strict); off for the schema and
    # docs pages, which are not operations of the API.
    strict_input: ClassVar[bool] = True

    def get_exception_handler(self) -> Callable[..., Response]:
        return exception_handler

    # As in DRF's own stubs: a DRF view is handed DRF's Request, not Django's HttpRequest.
    def options(self, request: Request, *args: Any, **kwargs: Any) -> Response:  # type: ignore[override]
        # The methods are in the Allow header (and the OpenAPI schema); no metadata body.
        return Response(status=status.HTTP_204_NO_CONTENT)

    def check_rate_limit(self, request: Request, token: Any) -> None:
        pending = self.token_epoch_to_confirm if isinstance(token, ApiToken) else None
        # Counted already when api.fast_list handed the request over after its own count.
        counted = request._request.__dict__.pop(COUNTED, None)
        self.rate_limit = result = counted or count_request(request, token, pending)
        if pending is not None and result.read != pending:
            self.reconfirm_token(request)
        if not result.allowed:
            detail = f"Rate limit exceeded: {result.limit} requests per minute."
            raise exceptions.Throttled(wait=result.reset, detail=detail)

    def reconfirm_token(self, request: Request) -> None:
        """A token, user or agency changed somewhere since this process cached the token (or
        Redis could not say): read it from the database again."""
        self.token_epoch_to_confirm = None
        token_cache.forget()
        token = api_token_verify(bearer_credentials(request) or "")
        if token is None:
            raise exceptions.AuthenticationFailed(INVALID_TOKEN)
        request.user, request.auth = token.user, token

    def check_request(self, request: Request) -> None:
        # The body size: DRF's parsers read the stream directly, so Django's own limit would
        # not apply.
        limit = self.body_limit()
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if limit is not None and length > limit:
            raise PayloadTooLarge(self.body_too_large(limit))
        method = request.method or "GET"
        answered = method.lower() in self.http_method_names and hasattr(self, method.lower())
        if self.strict_input and answered:
            # (A method the view does not answer is its 405, whatever the request holds.)
            try:
                refuse_unknown_input(self, request, method)
            except exceptions.ValidationError:
                # Another agency's record (or a missing one) is a 404 before anything is said
                # about the request: only then the 422 (the lookup runs on this path only).
                self.confirm_target()
                raise

    def body_limit(self) -> int | None:
        """The largest body this action takes, in bytes; an upload raises it for its file."""
        return settings.DATA_UPLOAD_MAX_MEMORY_SIZE

    def body_too_large(self, limit: int) -> str:
        return f"The request body is larger than {limit} bytes."

    def confirm_target(self) -> None:
        """Raise the 404 of a record the URL names that is not the token's (none here)."""

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)
        if getattr(response, "exception", False) and not isinstance(
            response.accepted_renderer, JSONRenderer
        ):
            # Errors are JSON even from the views that render YAML (schema) or HTML (docs).
            response.accepted_renderer = JSONRenderer()
            response.accepted_media_type = JSONRenderer.media_type
        if self.rate_limit is not None:
            for name, value in self.rate_limit.headers.items():
                response[name] = value
        add_debug(request, response)
        return response


def count_request(request: Any, token: Any, pending: bytes | None) -> ratelimit.RateLimit:
    """Count the request against its token's limit (the client IP's without a valid token),
    reading the token cache's epoch on the way when a cached token awaits it (``pending``)."""
    if isinstance(token, ApiToken):
        # The public key, not the pk: unique forever (a pk can come back on SQLite).
        key, limit = f"token:{token.key}", token.rate_limit
    else:
        key, limit = f"ip:{client_ip(request)}", settings.API_RATE_LIMIT_ANONYMOUS
    read = token_cache.epoch_key() if pending is not None else None
    # A token's requests per day are tallied in the same round trip (its usage page).
    tally = token.key if isinstance(token, ApiToken) else None
    return ratelimit.hit(key, limit, read=read, tally=tally)


def add_debug(request: Request, response: Response) -> None:
    """Debug mode (``X-Debug: 1`` or ``?debug=1``, ``core.tracing``): an owner's or admin's
    token sees ``meta.debug`` (queries, SQL time, total time) and ``Server-Timing``; anyone
    else's request is answered as if it had not asked."""
    stats = getattr(request._request, "query_stats", None)
    token = request.auth
    if stats is None or not isinstance(token, ApiToken) or not token.user.is_agency_admin:
        return
    response["Server-Timing"] = stats.server_timing()
    data = getattr(response, "data", None)  # a PDF answer is a plain HttpResponse
    if isinstance(data, dict) and ("data" in data or "message" in data):
        meta = data.setdefault("meta", {})
        if isinstance(meta, dict):
            meta["debug"] = stats.summary()


def envelope(data: Any, status_code: int = status.HTTP_200_OK) -> Response:
    return Response({"data": data}, status=status_code)


class TenantViewSet(ApiViewMixin, GenericViewSet):
    """CRUD for one resource, every query scoped to ``request.auth``'s agency.

    A subclass names its model, serializers, FilterSet and the selector/service functions:
    ``list_selector(agency=, filters=)``, ``get_selector(agency=, <resource>_id=)``,
    ``create_service(agency=, created_by=, **fields)``, ``update_service(<resource>=, **fields)``
    and ``delete_service(<resource>=)``.
    """

    resource: ClassVar[str]
    model: ClassVar[type[TenantModel]]
    output_serializer: ClassVar[type[OutputSerializer]]
    detail_serializer: ClassVar[type[OutputSerializer] | None] = None
    input_serializer: ClassVar[type[Serializer]]
    list_selector: ClassVar[Callable[..., QuerySet]]
    get_selector: ClassVar[Callable[..., models.Model]]
    create_service: ClassVar[Callable[..., models.Model]]
    update_service: ClassVar[Callable[..., models.Model]]
    delete_service: ClassVar[Callable[..., object]]
    # Fields a service writes as related rows (an itinerary's days): when a request writes one,
    # the record is re-read through the selector before it is shown.
    nested_fields: ClassVar[tuple[str, ...]] = ()
    # A resource under another (``/bookings/{booking_id}/payments``): the parent's name, found
    # by ``parent_selector(agency=, <parent>_id=)`` (another agency's is the same 404), then
    # given to the selectors as ``<parent>=``.
    parent: ClassVar[str | None] = None
    parent_selector: ClassVar[Callable[..., models.Model] | None] = None
    # For the schema (api.schema): an extra action serving a record's own rows, by action name,
    # as (row serializer, "list" or "detail"); and responses an action adds to the usual ones.
    nested_resources: ClassVar[dict[str, tuple[type[Serializer], str]]] = {}
    extra_responses: ClassVar[dict[str, dict[int, Any]]] = {}

    pagination_class = PagePagination
    filter_backends = [DjangoFilterBackend]  # documents the FilterSet; selectors apply it
    lookup_value_regex = "[0-9]{1,18}"

    _FUNCTIONS = (
        "list_selector",
        "get_selector",
        "create_service",
        "update_service",
        "parent_selector",
    )
    _SEALED = ("get_queryset", "get_object", "filter_queryset", "paginate_queryset", "queryset")

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for name in cls._SEALED:
            if name in cls.__dict__:
                raise TypeError(
                    f"{cls.__name__}.{name}: records are found by TenantViewSet through the "
                    "selectors, scoped to the token's agency; name the selector instead."
                )
        for name in (*cls._FUNCTIONS, "delete_service"):
            function = cls.__dict__.get(name)
            if function is not None and not isinstance(function, staticmethod):
                setattr(cls, name, staticmethod(function))

    @property
    def agency(self) -> Agency:
        """The token's user's agency, carrying the visibility rule (an agent restricted to
        their own clients reads only theirs: ``accounts.tenancy.member_agency``)."""
        found = getattr(self, "_member_agency", None)
        if found is None:
            found = self._member_agency = member_agency(self.request.auth.user)
        assert found is not None  # a token's user belongs to an agency (api_token_verify)
        return found

    def get_serializer_class(self) -> type[Serializer]:
        if self.action in ("create", "update", "partial_update"):
            return self.input_serializer
        if self.action == "list":
            return self.output_serializer
        return self.detail_serializer or self.output_serializer

    def get_queryset(self) -> QuerySet:
        if getattr(self, "swagger_fake_view", False):  # schema generation: no request.auth
            return self.model._default_manager.none()
        return self.list_selector(agency=self.agency, filters=self.filters(), **self.parents())

    def parents(self) -> dict[str, models.Model]:
        """``{<parent>: the parent record}`` for a nested resource (else empty); a parent not in
        the token's agency is a 404."""
        if self.parent is None or self.parent_selector is None:
            return {}
        found = getattr(self, "_parent_record", None)
        if found is None:
            key = f"{self.parent}_id"
            try:
                found = self.parent_selector(agency=self.agency, **{key: int(self.kwargs[key])})
            except ObjectDoesNotExist:
                raise exceptions.NotFound() from None
            self._parent_record = found
        return {self.parent: found}

    def filters(self) -> QueryDict:
        """The query string without the pagination parameters (the selectors skip filtering
        altogether when nothing is left)."""
        params = joined_list_parameters(self.request.query_params)
        if any(name in params for name in NOT_FILTERS):
            rest = params.copy()
            for name in NOT_FILTERS:
                rest.pop(name, None)
            return rest
        return params

    def confirm_target(self) -> None:
        self.parents()
        if "pk" in self.kwargs:
            self.get_object()

    def get_object(self) -> models.Model:
        try:
            return self.get_selector(
                agency=self.agency,
                **self.parents(),
                **{f"{self.resource}_id": int(self.kwargs["pk"])},
            )
        except self.model.DoesNotExist:
            raise exceptions.NotFound() from None

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        return queryset  # the selector already applied the FilterSet

    # Reads ----------------------------------------------------------------------------------

    @property
    def page_paginator(self) -> PagePagination:
        paginator = self.paginator
        assert isinstance(paginator, PagePagination)  # pagination_class, above
        return paginator

    # ``**parent``: a nested resource's URL also carries its parent's id (see ``parents``).
    def list(self, request: Request, **parent: Any) -> Response:
        paginator = self.page_paginator
        paginator.parse(request)
        queryset = self.get_queryset()
        columns = self.list_columns()
        if columns:
            queryset = queryset.only(*columns)
        rows = paginator.paginate_queryset(queryset, request, self, filtered=bool(self.filters()))
        return paginator.get_paginated_response(self.output_serializer.represent_many(rows))

    @classmethod
    def list_columns(cls) -> tuple[str, ...] | None:
        """The model fields a list page shows, so its query reads no other column (a client
        row carries notes and JSON that the list never renders); None when the output reads
        anything but plain columns of the model, which then loads whole rows."""
        if cls not in _LIST_COLUMNS:
            columns: list[str] = []
            for source in cls.output_serializer.sources():
                try:  # by name or by attname (client_id)
                    field = cls.model._meta.get_field(source)
                except FieldDoesNotExist:
                    field = None
                if field is None or not field.concrete or field.many_to_many:
                    _LIST_COLUMNS[cls] = None
                    break
                columns.append(field.name)
            else:
                _LIST_COLUMNS[cls] = tuple(columns) or None
        return _LIST_COLUMNS[cls]

    def retrieve(self, request: Request, pk: str, **parent: Any) -> Response:
        return envelope(self.represent(self.get_object()))

    def represent(self, instance: models.Model) -> dict[str, Any]:
        return (self.detail_serializer or self.output_serializer).represent(instance)

    # Writes ---------------------------------------------------------------------------------

    def validated_fields(self, request: Request, *, partial: bool) -> dict[str, Any]:
        serializer = self.input_serializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        return service_fields(serializer.validated_data)

    def perform_create(self, fields: dict[str, Any]) -> models.Model:
        return self.create_service(agency=self.agency, created_by=self.request.auth.user, **fields)

    def create(self, request: Request, **parent: Any) -> Response:
        self.parents()  # a parent not in the agency is a 404 before the body is looked at
        fields = self.validated_fields(request, partial=False)
        with api_field_names():
            instance = self.perform_create(fields)
        return envelope(self.represent_written(instance, fields), status.HTTP_201_CREATED)

    def update(self, request: Request, pk: str, partial: bool = False, **parent: Any) -> Response:
        instance = self.get_object()
        if not partial:
            replace_body(request, self.input_serializer(), self.model)
        fields = self.validated_fields(request, partial=partial)
        with api_field_names():
            instance = self.update_service(**{self.resource: instance}, **fields)
        return envelope(self.represent_written(instance, fields))

    def partial_update(self, request: Request, pk: str, **parent: Any) -> Response:
        return self.update(request, pk, partial=True)

    def destroy(self, request: Request, pk: str) -> Response:
        self.delete_service(**{self.resource: self.get_object()})
        return Response(status=status.HTTP_204_NO_CONTENT)

    def represent_written(
        self, instance: models.Model, fields: Mapping[str, Any]
    ) -> dict[str, Any]:
        if any(name in fields for name in self.nested_fields):
            instance = self.get_selector(agency=self.agency, **{f"{self.resource}_id": instance.pk})
        return self.represent(instance)


def service_fields(validated: Mapping[str, Any]) -> dict[str, Any]:
    return {SERVICE_NAMES.get(name, name): value for name, value in validated.items()}
