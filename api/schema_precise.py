"""What makes the schema precise enough to generate a client from (issue #19): exact types and
patterns for the values the server really accepts, the shared headers written once as
components, and the 503 every operation may answer.

``field_schema`` refines drf-spectacular's mapping of one serializer field (``ApiAutoSchema``
calls it); ``make_precise`` is the postprocessing step over the whole document.
"""

from __future__ import annotations

import json
import re
from typing import Any

from rest_framework import serializers

from api.responses import CONFLICT_DESCRIPTION
from api.serializers import CountryField, decimal_pattern
from api.strict import BLANK_IS_NULL
from core.iso import COUNTRIES, CURRENCIES
from core.overrides import NO_NUL_PATTERN

# The URL patterns take 1-18 digits for every id (``lookup_value_regex`` and the actions').
ID_MAX = 10**18 - 1
PATH_ID = {"type": "integer", "minimum": 0, "maximum": ID_MAX}
NO_NUL = NO_NUL_PATTERN  # the filters' own (core.overrides), said once
# What Python's str.strip() removes (str.isspace(); ECMA's \s differs: it lacks \x1c-\x1f and
# \x85 and has \ufeff). DRF trims a CharField before it checks blankness, so a required text
# of spaces alone is "This field may not be blank.": the pattern needs one other character.
STRIPPED = (
    "\\t\\n\\x0b\\x0c\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f"
    "\\u205f\\u3000"
)
NOT_BLANK = f"^[{STRIPPED}]*[^\\x00{STRIPPED}][^\\x00]*$"
CURRENCY_REF = {"$ref": "#/components/schemas/CurrencyCode"}
COUNTRY_REF = {"$ref": "#/components/schemas/CountryCode"}
REFERENCE_RULE = (
    " Must be the id of a record of your agency: any other id is a 422 naming it (a schema "
    "cannot say which ids exist)."
)

HEADERS: dict[str, dict[str, Any]] = {
    "X-RateLimit-Limit": {
        "description": "Requests allowed per rolling 60 seconds (the token's, or the IP's).",
        "schema": {"type": "integer", "minimum": 0},
        "required": True,
    },
    "X-RateLimit-Remaining": {
        "description": "Requests left in the current window.",
        "schema": {"type": "integer", "minimum": 0},
        "required": True,
    },
    "X-RateLimit-Reset": {
        "description": "Seconds (at least 1) until the oldest request counted in the window "
        "leaves it; while `X-RateLimit-Remaining` is 0, the wait before one more request is "
        "allowed.",
        "schema": {"type": "integer", "minimum": 1},
        "required": True,
    },
    "Retry-After": {
        "description": "Seconds to wait before retrying.",
        "schema": {"type": "integer", "minimum": 1},
        "required": True,
    },
    "Idempotent-Replayed": {
        "description": "`true` when this is the stored answer to an earlier request with the "
        "same `Idempotency-Key` (nothing new was created).",
        "schema": {"type": "string", "enum": ["true"]},
    },
}
RATE_LIMIT_HEADERS = ("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset")

UNKNOWN_INPUT = {
    "description": "Validation failed: see `errors` (a query parameter or body field the "
    "operation does not take is named there).",
    "headers": {name: {"$ref": f"#/components/headers/{name}"} for name in RATE_LIMIT_HEADERS},
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ValidationError"}}},
}
CONFLICT = {
    "description": CONFLICT_DESCRIPTION,
    "headers": {name: {"$ref": f"#/components/headers/{name}"} for name in RATE_LIMIT_HEADERS},
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Conflict"}}},
}
SERVICE_UNAVAILABLE = {
    "description": "The database cannot be reached: retry after `Retry-After`.",
    "headers": {
        **{name: {"$ref": f"#/components/headers/{name}"} for name in ("Retry-After",)},
    },
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
}


def field_schema(field: serializers.Field, direction: str, schema: dict[str, Any]) -> Any:
    """drf-spectacular's ``schema`` of ``field``, made exact where the server is stricter (or,
    for an empty optional time or amount, more lenient: api.strict reads "" as null)."""
    if direction != "request":
        return schema
    schema = _request_field_schema(field, schema)
    if not (isinstance(schema, dict) and isinstance(field, BLANK_IS_NULL) and field.allow_null):
        return schema
    if str(schema.get("pattern", "")).startswith("^"):
        return {**schema, "pattern": "^$|" + schema["pattern"]}
    if "format" in schema and "pattern" not in schema:
        # A date or a date-time: no pattern to widen, so "" is an alternative of its own.
        inner = {k: v for k, v in schema.items() if k not in OUTER_KEYS}
        outer = {k: v for k, v in schema.items() if k in OUTER_KEYS}
        return {**outer, "oneOf": [inner, BLANK]}
    return schema


# drf-spectacular's alternative for an empty text, and the keys it leaves outside a oneOf.
BLANK = {"type": "string", "maxLength": 0}
OUTER_KEYS = {"readOnly", "writeOnly", "nullable", "deprecated", "description", "title"}


def without_redundant_blank(schema: Any) -> Any:
    """drf-spectacular offers "" beside any text with a pattern (``oneOf: [text, blank]``); when
    the pattern admits "" itself (the NUL rule's does), "" matched both and the ``oneOf``
    refused the very value the server takes. The text alone says it."""
    one_of = schema.get("oneOf") if isinstance(schema, dict) else None
    if not (isinstance(one_of, list) and len(one_of) == 2 and one_of[1] == BLANK):
        return schema
    inner = one_of[0]
    if "format" in inner or inner.get("minLength") or "pattern" not in inner:
        return schema
    if re.search(inner["pattern"], "") is None:
        return schema
    return {**{k: v for k, v in schema.items() if k != "oneOf"}, **inner}


def _request_field_schema(field: serializers.Field, schema: dict[str, Any]) -> Any:
    most = getattr(field, "max_length", None)  # ListSerializer's, which the stubs lack
    if isinstance(field, serializers.ListSerializer) and most is not None:
        # DRF's "Ensure this field has no more than N elements." (a proposal's 10 options).
        schema = {**schema, "maxItems": most}
    if (
        isinstance(field, serializers.ListSerializer | serializers.ListField)
        and not field.allow_empty
        and schema.get("type") == "array"
    ):
        # DRF's "This list may not be empty.", which drf-spectacular leaves unsaid.
        schema = {**schema, "minItems": max(1, schema.get("minItems", 0))}
    if (
        isinstance(field, serializers.ListField)
        and isinstance(field.child, serializers.IntegerField)
        and (field.field_name or "").endswith("_ids")
        and isinstance(schema.get("items"), dict)
    ):
        # Each id bounded as a single one is (below).
        items = {**schema["items"], "minimum": -ID_MAX, "maximum": ID_MAX}
        schema = {**schema, "items": items}
    types = schema.get("type")
    if isinstance(field, serializers.DecimalField) and "string" in (
        types if isinstance(types, list) else [types]
    ):
        return {**schema, "pattern": decimal_pattern(field)}
    if field.field_name == "currency" and isinstance(field, serializers.CharField):
        # Every request's currency is checked against core.iso.CURRENCIES (core.money).
        refined: dict[str, Any] = {"allOf": [CURRENCY_REF]}
        if schema.get("description"):
            refined["description"] = schema["description"]
        if "null" in (schema.get("type") or []) or schema.get("nullable"):
            refined = {"oneOf": [CURRENCY_REF, {"type": "null"}], **refined}
            refined.pop("allOf")
        return refined
    if isinstance(field, CountryField):
        # A name is accepted too, but no enum could list every spelling: the codes are the
        # values a client is sure of.
        options: list[dict[str, Any]] = [COUNTRY_REF]
        if field.allow_blank:
            options.append({"type": "string", "enum": [""]})
        if field.allow_null:
            options.append({"type": "null"})
        countries: dict[str, Any] = {"anyOf": options} if len(options) > 1 else {"allOf": options}
        if schema.get("description"):
            countries["description"] = schema["description"]
        return countries
    if isinstance(field, serializers.CharField) and not {"pattern", "format", "enum"} & set(schema):
        # DRF refuses a NUL character in any text ("Null characters are not allowed."), and
        # spaces alone where a text may not be blank.
        not_blank = field.trim_whitespace and not field.allow_blank
        return {**schema, "pattern": NOT_BLANK if not_blank else NO_NUL}
    if (
        field.field_name
        and field.field_name.endswith("_id")
        and schema.get("type")
        in (
            "integer",
            ["integer", "null"],
        )
    ):
        # Bounded as path ids are (a larger number is no id: DRF's "A valid integer is
        # required.", not the missing reference a schema-valid id gets).
        return {
            **schema,
            "minimum": max(schema.get("minimum", -ID_MAX), -ID_MAX),
            "maximum": min(schema.get("maximum", ID_MAX), ID_MAX),
            "description": (schema.get("description", "") + REFERENCE_RULE).strip(),
        }
    return schema


def make_precise(result: dict[str, Any]) -> dict[str, Any]:
    """Postprocessing: integer path ids, the shared headers as components (each response
    refers to them: the schema was 40% rate-limit headers), the 422 and 503 on every operation,
    the CurrencyCode schema."""
    components = result.setdefault("components", {})
    components.setdefault("schemas", {})["CurrencyCode"] = {
        "type": "string",
        "enum": sorted(CURRENCIES),
        "description": "An ISO 4217 code (see `/lookups/currencies`).",
    }
    components["schemas"]["CountryCode"] = {
        "type": "string",
        "enum": sorted(COUNTRIES),
        "description": "An ISO 3166-1 alpha-2 code (see `/lookups/countries`).",
    }
    components["headers"] = HEADERS
    for item in result.get("paths", {}).values():
        for method, operation in item.items():
            if method not in ("get", "put", "patch", "post", "delete"):
                continue
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "path":
                    parameter["schema"] = dict(PATH_ID)
            responses = operation.setdefault("responses", {})
            csv_list = any(
                p.get("in") == "query" and p.get("name") == "format"
                for p in operation.get("parameters", [])
            )
            for code, response in responses.items():
                content = response.get("content") or {}
                if "text/csv" in content and "application/json" in content:
                    # The lists that export CSV offer its renderer to every answer: only the
                    # list's 200 is CSV (a text), an error is always JSON.
                    if csv_list and code == "200":
                        content["text/csv"] = {"schema": {"type": "string"}}
                    else:
                        del content["text/csv"]
            # api.strict: any operation answers 422 to a query parameter (or body field) it
            # does not take, those without input of their own too.
            responses.setdefault("422", json.loads(json.dumps(UNKNOWN_INPUT)))
            if method != "get":
                # core.errors.Conflict: any write can meet a state that refuses it.
                responses.setdefault("409", json.loads(json.dumps(CONFLICT)))
            responses.setdefault("503", json.loads(json.dumps(SERVICE_UNAVAILABLE)))
            for response in responses.values():
                headers = response.get("headers")
                if not headers:
                    continue
                for name in list(headers):
                    # (A header the component requires but this answer may lack, the 409's
                    # Retry-After, stays inline.)
                    if name in HEADERS and bool(headers[name].get("required")) == bool(
                        HEADERS[name].get("required")
                    ):
                        headers[name] = {"$ref": f"#/components/headers/{name}"}
    return result
