"""Teach drf-spectacular what the API really answers: the ``data`` envelope, the ``meta`` of
lists, the error bodies of api.exceptions, the rate-limit headers and the bearer scheme."""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import force_instance
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers

from api.base import ApiViewMixin, TenantViewSet
from api.idempotency import HEADER_DESCRIPTION, IdempotentCreateMixin
from api.pagination import DEFAULT_PER_PAGE, MAX_PER_PAGE
from api.responses import ADMINS_ONLY_403, ERRORS, enveloped
from api.schema_precise import field_schema, make_precise, without_redundant_blank
from api.v1.activity import ActivitySerializer
from core import idempotency

DESCRIPTION = f"""
Read and write your agency's clients, itineraries, proposals and bookings.

**Authentication**: send `Authorization: Bearer <token>` (or `X-Api-Token: <token>`; both with
different tokens is a 401) on every request (tokens read `itn_<key>.<secret>`; create one in
the dashboard, with `POST /auth/token`, or with `python manage.py create_api_token USERNAME`).
A token in the query string is not accepted. Read-only tokens get 403 on writes.

**Tracing**: every response carries `X-Request-Id` (yours when it is 1-64 characters of
`[A-Za-z0-9._-]`, else a new one), also written in the server's log lines. With an owner's or
admin's token, `X-Debug: 1` (or `?debug=1`) adds `meta.debug` (`queries`, `sql_ms`,
`total_ms`) and `Server-Timing` headers; other tokens' requests ignore it.

**Bodies**: success bodies are `{{"data": ...}}`; lists add
`"meta": {{"current_page", "last_page", "per_page", "total"}}`. Paginate with `?page=` (from 1) and
`?per_page=` (default {DEFAULT_PER_PAGE}, at most {MAX_PER_PAGE}). Relations are `<name>_id`
integers, timestamps ISO 8601 with an offset (`2026-06-01T10:22:00+00:00`), dates `YYYY-MM-DD`,
money decimal strings (`"1250.00"`), in requests too: a JSON number there is a 422.

**Errors** are `{{"message": ...}}`, plus `"errors": {{field: [messages]}}` on 422. A record of
another agency answers 404 exactly like a missing one.

**Rate limits**: each token has its own requests-per-minute over a rolling 60-second window
(60 by default); requests without a valid token are limited per client IP. Every response
carries `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset` (seconds until
the oldest request counted in the window leaves it: when `X-RateLimit-Remaining` is 0, the wait
before one more request is allowed); a 429 carries `Retry-After`.

**Strict input**: a query parameter or a body field that an operation does not declare is a
422 naming it (`{{"errors": {{"emial": ["Unknown field. ..."]}}}}`), so a typo is never ignored.
`sort` takes several keys comma-separated (`sort=-created_at,name`; `sort=a&sort=b` is the
same); any other parameter given twice is a 422. `PUT` replaces the whole record: a field it
omits is reset to its default (a required one is a 422); `PATCH` changes only what it sends.
An id in a body (`client_id`, ...) must be a record of your agency, else a 422 naming it.

**503**: while the database cannot be reached, any operation answers 503 with `Retry-After`.
""".strip()


class BearerTokenScheme(OpenApiAuthenticationExtension):
    """Two ways to send the same token: either scheme is enough (alternatives)."""

    target_class = "api.authentication.BearerTokenAuthentication"
    name = ["bearerAuth", "apiTokenAuth"]

    def get_security_requirement(self, auto_schema: AutoSchema) -> list[dict[str, list[Any]]]:
        return [{"bearerAuth": []}, {"apiTokenAuth": []}]  # either one, not both

    def get_security_definition(self, auto_schema: AutoSchema) -> list[dict[str, str]]:
        return [
            {
                "type": "http",
                "scheme": "bearer",
                "bearerFormat": "itn_<key>.<secret>",
                "description": "A personal access token, shown once when it is created.",
            },
            {
                "type": "apiKey",
                "in": "header",
                "name": "X-Api-Token",
                "description": "The same token in `X-Api-Token: itn_<key>.<secret>`; sent "
                "beside `Authorization`, it must be the same token (else 401).",
            },
        ]


RESPONSE_HEADERS = [
    OpenApiParameter(
        "X-RateLimit-Limit",
        int,
        OpenApiParameter.HEADER,
        response=True,
        required=True,
        description="Requests allowed per rolling 60 seconds (the token's, or the IP's).",
    ),
    OpenApiParameter(
        "X-RateLimit-Remaining",
        int,
        OpenApiParameter.HEADER,
        response=True,
        required=True,
        description="Requests left in the current window.",
    ),
    OpenApiParameter(
        "X-RateLimit-Reset",
        int,
        OpenApiParameter.HEADER,
        response=True,
        required=True,
        description="Seconds until the oldest counted request leaves the window.",
    ),
    OpenApiParameter(
        "Retry-After",
        int,
        OpenApiParameter.HEADER,
        response=[429],
        required=True,
        description="Seconds to wait before retrying.",
    ),
    OpenApiParameter(
        "WWW-Authenticate",
        str,
        OpenApiParameter.HEADER,
        response=[401],
        required=True,
        description='Always `Bearer realm="api"`.',
    ),
]

IDEMPOTENCY_KEY = OpenApiParameter(
    idempotency.HEADER,
    str,
    OpenApiParameter.HEADER,
    required=False,
    # 1 to MAX_KEY_LENGTH printable ASCII characters, as core.idempotency checks them.
    pattern=f"^[\\x21-\\x7e]{{1,{idempotency.MAX_KEY_LENGTH}}}$",
    description=HEADER_DESCRIPTION,
)


IDEMPOTENCY_RETRY_AFTER = OpenApiParameter(
    "Retry-After",
    int,
    OpenApiParameter.HEADER,
    response=[409],
    # Only the 409 of an Idempotency-Key still in progress has it: a create's other 409 (a
    # client that would be a duplicate) is final.
    required=False,
    description="Seconds to wait before retrying, when the 409 is an `Idempotency-Key` still "
    "in progress.",
)
IDEMPOTENT_REPLAYED = OpenApiParameter(
    idempotency.REPLAYED_HEADER,
    str,
    OpenApiParameter.HEADER,
    response=[201],
    required=False,
    description="`true` when this answer is a replay (see `Idempotency-Key`).",
)


def with_article(noun: str) -> str:
    """``a client``, ``an itinerary``: by the sound of the first letter, as English has it
    for the names of our records (``a user``, ``a unique``: a "you" sound takes ``a``)."""
    first = noun[:1].lower()
    vowel = first in "aeio" or (first == "u" and not noun.lower().startswith(("us", "uni")))
    return f"{'an' if vowel else 'a'} {noun}"


SUMMARIES = {
    "list": "List {plural}",
    "create": "Create {a_resource}",
    "retrieve": "Fetch one {resource}",
    "update": "Replace {a_resource} (omitted fields reset to their defaults)",
    "partial_update": "Update some fields of {a_resource}",
    "destroy": "Delete {a_resource}",
    "activity": "History of {a_resource}",
    "archive": "Archive {a_resource}",
    "restore": "Restore an archived {resource}",
}


class ApiAutoSchema(AutoSchema):
    def get_summary(self) -> str | None:
        view = self.view
        if isinstance(view, TenantViewSet) and view.action in SUMMARIES:
            model = view.model._meta
            return SUMMARIES[view.action].format(
                resource=model.verbose_name,
                a_resource=with_article(str(model.verbose_name)),
                plural=model.verbose_name_plural,
            )
        return super().get_summary()

    def _map_serializer(self, serializer: Any, direction: str, *args: Any, **kwargs: Any) -> Any:
        schema = super()._map_serializer(serializer, direction, *args, **kwargs)
        if direction == "request":
            # drf-spectacular adds its blank alternative after the field's own mapping.
            for name, value in schema.get("properties", {}).items():
                schema["properties"][name] = without_redundant_blank(value)
        if direction == "request" and not getattr(serializer, "accepts_unknown_fields", False):
            # api.strict refuses any other field: a generator must not invent one.
            schema["additionalProperties"] = False
        extra = getattr(serializer, "schema_properties", {})
        if extra and direction == "request":
            # What the service checks that no field type says (``minItems``, a date's floor).
            for name, constraints in extra.items():
                schema["properties"][name] = {**schema["properties"][name], **constraints}
        always = getattr(serializer, "required_in_patch", ())
        if always and direction == "request" and self.method == "PATCH":
            # A PATCH's fields are optional, but these (a correction's `reason`) never are.
            schema["required"] = sorted({*schema.get("required", []), *always})
        any_of = getattr(serializer, "required_one_of", None)
        if any_of and direction == "request" and self.method in ("POST", "PUT"):
            # A create or a replacement (api.strict.replace_body) needs one of these, given a
            # value (not null): the record's client directly, or through a record of it. As a
            # ``not`` (none of them) for the SDK generator, like exactly_one_of below.
            schema["not"] = {
                "allOf": [
                    {"not": {"required": [name], "properties": {name: {"type": "integer"}}}}
                    for name in any_of
                ]
            }
        refused = getattr(serializer, "refused_together", None)
        if refused and direction == "request":
            # Values the service refuses in one body (a refund sent as a credit): a ``not`` of
            # their combination, beside any rule above.
            together = {
                "required": sorted(refused),
                "properties": {name: {"const": value} for name, value in refused.items()},
            }
            schema["not"] = {"anyOf": [schema["not"], together]} if "not" in schema else together
        one_of = getattr(serializer, "exactly_one_of", None)
        if one_of and direction == "request":
            # The serializer's validate() refuses none or both: say so ("email" or "username").
            # As a ``not`` (neither, or both): a ``oneOf`` beside the properties makes a typed
            # client generator (openapi-python-client, the SDK) type the whole body as Any.
            schema["not"] = {
                "anyOf": [
                    {"required": list(one_of)},
                    {"allOf": [{"not": {"required": [name]}} for name in one_of]},
                ]
            }
        return schema

    def _get_request_for_media_type(self, serializer: Any, direction: str = "request") -> Any:
        schema, required = super()._get_request_for_media_type(serializer, direction)
        instance = force_instance(serializer)
        if getattr(instance, "exactly_one_of", None) or (
            getattr(instance, "required_one_of", None) and self.method in ("POST", "PUT")
        ):
            # No field is required on its own, but an empty body is refused all the same.
            required = True
        return schema, required

    def _map_serializer_field(self, field: Any, direction: str, *args: Any, **kwargs: Any) -> Any:
        schema = super()._map_serializer_field(field, direction, *args, **kwargs)
        return field_schema(field, direction, schema)

    def _get_format_parameters(self) -> list[Any]:
        # drf-spectacular would offer ``?format=`` on every operation of a view with two
        # renderers (the CSV lists'): only a list exports, and it declares ``format`` itself
        # (api.v1.exports.FORMAT).
        return []

    def get_override_parameters(self) -> list[Any]:
        parameters = [*super().get_override_parameters(), *RESPONSE_HEADERS]
        if self.honours_idempotency_key():
            parameters += [IDEMPOTENCY_KEY, IDEMPOTENT_REPLAYED, IDEMPOTENCY_RETRY_AFTER]
        return parameters

    def honours_idempotency_key(self) -> bool:
        view = self.view
        return isinstance(view, IdempotentCreateMixin) and getattr(view, "action", None) == "create"

    def get_response_serializers(self) -> Any:
        view, method = self.view, self.method
        codes: list[int]
        responses: dict[int, Any]
        if isinstance(view, TenantViewSet):
            action = view.action
            detail = view.detail_serializer or view.output_serializer
            nested = view.nested_resources.get(action)
            declared = getattr(view, "action_responses", {}).get(action)
            if nested is not None:
                responses, codes = _nested_responses(*nested, method=method)
            elif declared is not None:
                # (status, serializer, error codes): a serializer class is the ``data`` of
                # the envelope; a ``many=True`` instance, a paginated list.
                code, serializer, codes = declared
                body = enveloped(serializer) if isinstance(serializer, type) else serializer
                responses, codes = {code: body}, list(codes)
            elif action == "list":
                responses = {200: view.output_serializer}
                codes = [401, 422, 429]
            elif action == "activity":
                responses, codes = {200: ActivitySerializer(many=True)}, [401, 404, 422, 429]
            elif action == "retrieve":
                responses, codes = {200: enveloped(detail)}, [401, 404, 429]
            elif action == "create":
                responses, codes = {201: enveloped(detail)}, [400, 401, 403, 413, 415, 422, 429]
                if self.honours_idempotency_key():
                    codes.append(409)
            elif action == "destroy":
                responses, codes = {204: None}, [401, 403, 404, 429]
            else:
                responses = {200: enveloped(detail)}
                codes = [400, 401, 403, 404, 413, 415, 422, 429]
            if view.parent is not None and 404 not in codes:
                codes.append(404)  # a nested resource's parent may be missing, or not yours
        else:
            assert isinstance(view, ApiViewMixin)  # every documented view is one
            responses = {200: enveloped(view.response_serializer)}
            codes = [401, 429] if method in ("GET", "HEAD") else [400, 401, 403, 422, 429]
        errors = {code: ERRORS[code] for code in codes}
        if getattr(view, "admins_only", False):
            # Every operation of an owners-and-admins view can refuse an agent's token.
            errors[403] = ADMINS_ONLY_403
        extra = view.extra_responses.get(action, {}) if isinstance(view, TenantViewSet) else {}
        return {**responses, **errors, **extra}


def _nested_responses(
    serializer: type[serializers.Serializer], kind: str, *, method: str
) -> tuple[dict[int, Any], list[int]]:
    """A record's own list (``kind="list"``: GET, POST) or one row of it (``"detail"``: GET,
    PUT, PATCH, DELETE), e.g. ``/bookings/{id}/services[/{service_id}]``."""
    writes = [400, 401, 403, 404, 413, 415, 422, 429]
    if method == "DELETE":
        return {204: None}, [401, 403, 404, 429]
    if method == "POST":
        return {201: enveloped(serializer)}, writes
    if method in ("PUT", "PATCH"):
        return {200: enveloped(serializer)}, writes
    if kind == "list":
        return {200: serializer(many=True)}, [401, 404, 422, 429]
    return {200: enveloped(serializer)}, [401, 404, 429]


def add_shared_components(
    result: dict[str, Any], generator: Any, request: Any, public: bool
) -> dict[str, Any]:
    """Postprocessing hook: the ``PageMeta`` component lists refer to, and the description."""
    result["info"]["description"] = DESCRIPTION
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["PageMeta"] = {
        "type": "object",
        "required": ["current_page", "last_page", "per_page", "total"],
        "properties": {
            "current_page": {"type": "integer", "minimum": 1},
            "last_page": {"type": "integer", "minimum": 1},
            "per_page": {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE},
            "total": {"type": "integer", "minimum": 0},
        },
    }
    return make_precise(result)
