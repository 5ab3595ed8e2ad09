"""Strict input: a query parameter or a body field that the operation does not declare is a 422
naming it (as Stripe does), so that a typo (``?consultant=3``, ``{"emial": ...}``) is never
silently ignored.

What an operation takes is read from the same declarations its OpenAPI schema is generated
from, through the view's own drf-spectacular schema: a list's FilterSet and pagination, the
action's ``@extend_schema(parameters=...)`` and its request serializer. Every ``ApiViewMixin``
view gets the check (``ApiViewMixin.check_request``); nothing is listed by hand, so an endpoint
added on the base classes is strict too. ``tests/api/test_strict_input.py`` proves, operation
by operation, that the names allowed here are the names the schema documents.

A serializer that takes arbitrary keys by design says so with ``accepts_unknown_fields = True``;
one that has a better word for a field it refuses (a derived figure) gives it in
``refused_fields`` (name to message).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import django_filters
from django.http import QueryDict
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers
from rest_framework.fields import empty
from rest_framework.request import Request

from api.exceptions import Unprocessable
from core import tracing

# Query parameters every operation takes: debug mode (core.tracing), documented in the schema's
# description and as the shared ``debug`` parameter.
ALWAYS_ALLOWED = frozenset({tracing.DEBUG_PARAMETER})
# A parameter that takes several values: given several times, its values are joined by commas
# (``sort=name&sort=-created_at`` is ``sort=name,-created_at``), the schema's ``explode: false``.
LIST_PARAMETERS = frozenset({"sort"})

# Fields for which an empty string in a body means null when the field allows null.
BLANK_IS_NULL = (
    serializers.DateField,
    serializers.TimeField,
    serializers.DateTimeField,
    serializers.DecimalField,
)

_QUERY_NAMES: dict[tuple[type, str | None, str], frozenset[str]] = {}
_TEXT_NAMES: dict[tuple[type, str | None, str], frozenset[str]] = {}
_NO_SCHEMA = object()


def operation_schema(view: Any, method: str) -> Any:
    """A fresh drf-spectacular schema of ``view``'s operation for ``method`` (the one the
    generator uses: the action's ``@extend_schema``, else the view's), bound to the view."""
    action = getattr(view, "action", None)
    handler = getattr(view, action or method.lower(), None)
    schema = getattr(handler, "kwargs", {}).get("schema")
    if schema is None:
        schema = view.schema
    if schema is None:
        return None
    inspector = schema() if isinstance(schema, type) else type(schema)()
    inspector.view = view
    inspector.method = method
    inspector.path = view.request.path if getattr(view, "request", None) is not None else ""
    return inspector


def allowed_query_names(view: Any, method: str) -> frozenset[str]:
    """The query parameters ``view``'s operation declares (cached per view class and action)."""
    key = (type(view), getattr(view, "action", None), method)
    names = _QUERY_NAMES.get(key)
    if names is None:
        declared, text = _declared_query_names(view, method)
        names = _QUERY_NAMES[key] = ALWAYS_ALLOWED | declared
        _TEXT_NAMES[key] = text
    return names


def text_query_names(view: Any, method: str) -> frozenset[str]:
    """The declared parameters for which an empty value is a value (free text: ``q=``) or is
    judged by their own parser (``page=``); for any other (an id, a date, a choice) an empty
    value is refused here."""
    allowed_query_names(view, method)
    return _TEXT_NAMES[(type(view), getattr(view, "action", None), method)]


def _declared_query_names(view: Any, method: str) -> tuple[frozenset[str], frozenset[str]]:
    schema = operation_schema(view, method)
    if schema is None:
        return frozenset(), frozenset()
    names: set[str] = set()
    text: set[str] = set()
    for parameter in schema.get_override_parameters():
        if isinstance(parameter, OpenApiParameter):
            if parameter.location == OpenApiParameter.QUERY:
                names.add(parameter.name)
                if parameter.type is str and not parameter.enum:
                    text.add(parameter.name)
        elif isinstance(parameter, serializers.Serializer) or (
            isinstance(parameter, type) and issubclass(parameter, serializers.Serializer)
        ):
            instance = parameter() if isinstance(parameter, type) else parameter
            names.update(instance.fields)
    if method == "GET" and schema._is_list_view():
        filterset = getattr(view, "filterset_class", None)
        backends = getattr(view, "filter_backends", ())
        if filterset is not None and any(issubclass(b, DjangoFilterBackend) for b in backends):
            names.update(filter_query_names(filterset))
            text.update(
                name
                for name, filter_ in filterset.base_filters.items()
                # Free text, or a list (an empty sort is no sort): "" is a value of each.
                if isinstance(filter_, django_filters.CharFilter | django_filters.BaseCSVFilter)
            )
        paginator = getattr(view, "paginator", None)
        if paginator is not None:
            paging = {p["name"] for p in paginator.get_schema_operation_parameters(view)}
            names.update(paging)
            text.update(paging)  # the paginator judges an empty page itself (its own 422)
    return frozenset(names), frozenset(text)


def filter_query_names(filterset_class: Any) -> list[str]:
    """The query names a FilterSet reads: a range filter's two (``start_date_after`` and
    ``start_date_before``, its widget's suffixes), every other filter's own."""
    names: list[str] = []
    for name, field in filterset_class().form.fields.items():
        widget = field.widget
        suffixes = getattr(widget, "suffixes", None)
        if suffixes:
            names.extend(widget.suffixed(name, suffix) for suffix in suffixes)
        else:
            names.append(name)
    return names


def refuse_unknown_input(view: Any, request: Request, method: str) -> None:
    """A 422 naming what ``view``'s operation for ``method`` does not take: query parameters,
    and for a write the body's fields."""
    refuse_unknown_query(request, allowed_query_names(view, method), text_query_names(view, method))
    if method in ("POST", "PUT", "PATCH"):
        serializer = request_serializer(view, method)
        if serializer is not None:
            refuse_unknown_fields(serializer, request.data)


def refuse_unknown_query(
    request: Request, allowed: frozenset[str], text: frozenset[str] = frozenset()
) -> None:
    """A 422 naming every query parameter the operation does not take, every parameter given
    twice that takes one value, and every parameter but a text one given empty (``client_id=``
    is not an id: the schema's types do not admit it, where a dashboard form's "any" sends it)."""
    params = request.query_params
    errors: dict[str, list[str]] = {}
    for name in params:
        values = params.getlist(name)
        if name not in allowed:
            listed = ", ".join(sorted(allowed - ALWAYS_ALLOWED)) or "none"
            errors[name] = [f"Unknown query parameter. This operation takes: {listed}."]
        elif name not in LIST_PARAMETERS and len(values) > 1:
            errors[name] = ["Given more than once; this parameter takes one value."]
        elif name not in text and name != tracing.DEBUG_PARAMETER and not any(values):
            errors[name] = ["Empty: give a value, or leave the parameter out."]
    if errors:
        raise Unprocessable(errors)


def joined_list_parameters(params: Any) -> Any:
    """``params`` with each repeated list parameter (``sort``) as one comma-joined value."""
    repeated = [name for name in LIST_PARAMETERS if len(params.getlist(name)) > 1]
    if not repeated:
        return params
    params = params.copy()
    for name in repeated:
        params[name] = ",".join(params.getlist(name))
    return params


def request_serializer(view: Any, method: str) -> serializers.Serializer | None:
    """The serializer the operation documents as its request body (None when it has none)."""
    schema = operation_schema(view, method)
    if schema is None:
        return None
    found = schema.get_request_serializer()
    if isinstance(found, type) and issubclass(found, serializers.BaseSerializer):
        found = found()
    if isinstance(found, serializers.ListSerializer):
        found = found.child
    return found if isinstance(found, serializers.Serializer) else None


def refuse_unknown_fields(serializer: serializers.Serializer, data: Any) -> None:
    """A 422 naming every body field (nested ones as ``days[0].items[1].emial``) that the
    request serializer does not declare as writable, and, in a JSON body, every value whose
    JSON type is not the schema's (``wrong_json_type``). On the way, an empty string for a
    nullable date, time or amount becomes null (``BLANK_IS_NULL``)."""
    errors: dict[str, list[str]] = {}
    # A form upload's values are all text: only a JSON body has types to check.
    typed = isinstance(data, dict) and not isinstance(data, QueryDict)
    _collect_unknown(serializer, data, "", errors, typed=typed)
    if errors:
        raise Unprocessable(errors)


def wrong_json_type(field: serializers.Field, value: Any) -> str | None:
    """Why ``value``, as parsed from JSON, is not of the type the schema gives ``field`` (None
    when it is). DRF alone is lenient: a text field takes ``0`` as ``"0"``, a boolean ``0``,
    ``"yes"`` or ``"1"``, an integer ``"12"``: values a generated client could never send, and
    which the schema's ``type`` refuses."""
    if value is None:
        return None  # allow_null is the serializer's to judge
    if isinstance(field, serializers.BooleanField):
        return None if isinstance(value, bool) else "Must be true or false."
    if isinstance(field, serializers.IntegerField):
        whole = isinstance(value, int) or (isinstance(value, float) and value.is_integer())
        return None if whole and not isinstance(value, bool) else "Must be a whole number."
    if isinstance(field, serializers.MultipleChoiceField):
        return None  # a list of choices: the field's own check
    if isinstance(field, serializers.ChoiceField) and not all(
        isinstance(choice, str) for choice in field.choices
    ):
        return None  # choices that are numbers: the field's own check
    if isinstance(field, serializers.CharField | serializers.ChoiceField):
        if not isinstance(value, str):
            return "Must be a string."
        most = getattr(field, "max_length", None)
        if most is not None and len(value) > most:
            # As sent, as the schema's maxLength counts it: DRF measures after trimming, so
            # spaces around a text one character too long slipped through.
            return f"Ensure this field has no more than {most} characters."
        return None
    if isinstance(field, serializers.ListField) and isinstance(value, list):
        for item in value:
            if (problem := wrong_json_type(field.child, item)) is not None:
                return f"Each item: {problem[0].lower()}{problem[1:]}"
    return None


def _collect_unknown(
    serializer: serializers.Serializer,
    data: Any,
    prefix: str,
    errors: dict[str, list[str]],
    *,
    typed: bool = False,
) -> None:
    if not isinstance(data, dict) or getattr(serializer, "accepts_unknown_fields", False):
        return
    fields = {name: f for name, f in serializer.fields.items() if not f.read_only}
    for name, value in list(data.items()):
        path = f"{prefix}.{name}" if prefix else str(name)
        field = fields.get(name)
        refused = getattr(serializer, "refused_fields", {}).get(name)
        if refused is not None:
            errors[path] = [refused]
        elif field is None:
            known = ", ".join(sorted(fields)) or "none"
            errors[path] = [f"Unknown field. The fields here are: {known}."]
        elif value == "" and field.allow_null and isinstance(field, BLANK_IS_NULL):
            # An optional date, time or amount left empty (as a form would send it) is null.
            data[name] = None  # the parsed JSON body, a dict
        elif isinstance(field, serializers.ListSerializer) and isinstance(
            field.child, serializers.Serializer
        ):
            if isinstance(value, list):
                for index, item in enumerate(value):
                    _collect_unknown(field.child, item, f"{path}[{index}]", errors, typed=typed)
        elif isinstance(field, serializers.Serializer):
            _collect_unknown(field, value, path, errors, typed=typed)
        elif typed and (problem := wrong_json_type(field, value)) is not None:
            errors[path] = [problem]


# PUT: a full replacement --------------------------------------------------------------------

_NO_DEFAULT = object()
# Not reset by a PUT that omits it: a status moves only along its lifecycle, one step through
# its own door (core.transitions), never back to a default as a side effect of a replacement.
# A serializer adds its own in ``kept_on_replace`` (a figure derived from other records).
KEPT_ON_REPLACE = frozenset({"status"})


def replace_body(request: Request, serializer: serializers.Serializer, model: Any) -> None:
    """Make a PUT's body a full replacement: every writable field it omits (but ``status``)
    is sent as its default: the serializer field's ``default``, else null where null is
    allowed, empty text, an empty list, else the model column's default. A field with none of
    these is left as it is; a required field stays required (the serializer's 422). The body is
    completed before validation, so the reset values are validated like typed ones and every
    viewset's own ``validated_fields`` sees them."""
    data = request.data
    if not isinstance(data, Mapping):
        return
    completed = dict(data)
    needed = getattr(serializer, "required_one_of", ())
    if needed and all(completed.get(name) is None for name in needed):
        # The record's client, directly or through one of its records: as on a create.
        listed = " or ".join(needed)
        raise Unprocessable({needed[0]: [f"A replacement names its client: send {listed}."]})
    kept = KEPT_ON_REPLACE | set(getattr(serializer, "kept_on_replace", ()))
    for name, field in serializer.fields.items():
        if field.read_only or name in completed or name in kept or field.required:
            continue
        value = reset_value(field, model, name)
        if value is not _NO_DEFAULT:
            completed[name] = value
    # DRF keeps the parsed body here; there is no public way to replace it.
    request._full_data = completed  # type: ignore[attr-defined]


def reset_value(field: serializers.Field, model: Any, name: str) -> Any:
    """What an omitted field of a PUT becomes: the serializer's default, else the column's
    (its default, null, or empty text where the column allows it), else for a field with no
    column of its own (an itinerary's ``days``, a supplier by name) null, empty text or an
    empty list as the field allows; ``_NO_DEFAULT`` when there is nothing to reset to (a
    booking's reference, which the column needs)."""
    if field.default is not empty:
        return field.default() if callable(field.default) else field.default
    column = _model_field(model, name)
    if column is not None:
        if column.has_default():
            default = column.get_default()
            # As a client would send it: an amount is a decimal string (DecimalString).
            return str(default) if isinstance(default, Decimal) else default
        if column.null and field.allow_null:
            return None
        if column.blank and isinstance(field, serializers.CharField):
            return ""
        return _NO_DEFAULT
    if field.allow_null:
        return None
    if isinstance(field, serializers.CharField) and field.allow_blank:
        return ""
    if isinstance(field, serializers.ListField | serializers.ListSerializer):
        return []
    return _NO_DEFAULT


def _model_field(model: Any, name: str) -> Any:
    """The model's own column for an input field (``client_id`` is ``client``); None for a
    reverse relation (an itinerary's ``days``) or a name the model does not have."""
    for candidate in (name, name.removesuffix("_id")):
        try:
            found = model._meta.get_field(candidate)
        except Exception:  # FieldDoesNotExist, or no model
            continue
        return found if getattr(found, "concrete", False) else None
    return None
