"""Overrides of library internals that the benchmarks justified, kept together.

Each copies or bends a piece of a library (django-filter's FilterSet, DRF's ``APIView.initial``,
its JSON renderer, parser and content negotiation); each has a test in
``tests/core/test_overrides.py`` that fails if the upstream behaviour it relies on changes.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import IO, TYPE_CHECKING, Any

import django_filters
import orjson
from django import forms
from django.http import Http404, QueryDict
from drf_spectacular.drainage import set_override
from rest_framework.exceptions import NotAcceptable, ParseError
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.parsers import BaseParser
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request

from core.filter_fields import IdFilter, TrueFalseFilter

if TYPE_CHECKING:
    from rest_framework.views import APIView as _APIView
else:
    _APIView = object  # a mixin at run time: it goes in front of an APIView

# django-filter ------------------------------------------------------------------------------

# Text without a NUL character, which Django's form fields refuse (ProhibitNullCharacters).
NO_NUL_PATTERN = "^[^\\x00]*$"


class FastFilterSet(django_filters.FilterSet):
    @classmethod
    def get_filters(cls) -> dict[str, django_filters.Filter]:
        """django-filter's filters, each ``NumberFilter`` on a relation's id (its name or its
        column ends in ``_id``) made an ``IdFilter``: whole numbers only, typed ``integer`` in
        the schema. (A ``NumberFilter`` reads ``1.5`` as a decimal and the lookup truncates it.)
        The filter is copied and its class swapped: ``IdFilter`` only changes ``field_class``."""
        filters = super().get_filters()
        for name, filter_ in filters.items():
            if type(filter_) is django_filters.DateFilter and filter_.method is not None:
                # A method-backed date filter is still a date (the schema read the method's
                # signature and said "string": a date_to of "x" was schema-valid).
                set_override(filter_, "field", {"type": "string", "format": "date"})
            if type(filter_) is django_filters.BooleanFilter:
                # true or false, anything else refused (TrueFalseFilter: only field_class).
                converted = copy.copy(filter_)
                converted.__class__ = TrueFalseFilter
                if filter_.method is not None:
                    set_override(converted, "field", {"type": "boolean"})  # likewise
                filters[name] = converted
                continue
            if type(filter_) is django_filters.NumberFilter and (
                name.endswith("_id") or str(filter_.field_name).endswith("_id")
            ):
                converted = copy.copy(filter_)
                converted.__class__ = IdFilter
                filters[name] = converted
            elif type(filter_) is django_filters.NumberFilter:
                # Its form field's bounds, said in the schema (departing_within=-1 was
                # schema-valid and refused).
                bounds = {"minimum": filter_.extra.get("min_value"),
                          "maximum": filter_.extra.get("max_value")}  # fmt: skip
                schema = {"type": "number", **{k: v for k, v in bounds.items() if v is not None}}
                set_override(filter_, "field", schema)
            elif type(filter_) is django_filters.CharFilter:
                # A form's CharField refuses NUL characters and text past its max_length.
                text: dict[str, Any] = {"type": "string", "pattern": NO_NUL_PATTERN}
                if (limit := filter_.extra.get("max_length")) is not None:
                    text["maxLength"] = limit
                set_override(filter_, "field", text)
        return filters

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        """``django_filters.FilterSet.__init__``, with one change. It deep-copies every filter
        for every instance (a quarter of building the client list's FilterSet, ~0.1 ms a
        request), where a shallow copy is enough: a request only sets ``model`` and ``parent``
        on its filters, caches their form field on the copy (``_field``) and needs a
        ``method`` bound to the copy."""
        if queryset is None:
            queryset = self._meta.model._default_manager.all()
        self.is_bound = data is not None
        self.data = data or QueryDict()
        self.queryset = queryset
        self.request = request
        self.form_prefix = prefix
        self.filters = {name: copy.copy(f) for name, f in self.base_filters.items()}
        for filter_ in self.filters.values():
            filter_.model = queryset.model
            filter_.parent = self
            if filter_.method is not None:
                filter_.method = filter_.method  # binds a new FilterMethod to the copy

    def get_form_class(self) -> type[forms.Form]:
        """Build the form class once per FilterSet class, not once per request.

        django-filter makes a new form class (and a form field per filter) for every
        FilterSet instance: about a third of what filtering a list costs. With static filters
        the class is the same every time, and a form copies its fields when instantiated, so
        one class can serve every request. A filter whose choices depend on the request
        (``QuerySetRequestMixin``) opts its FilterSet out.
        """
        cls = type(self)
        form_class = _FORM_CLASSES.get(cls)
        if form_class is None:
            form_class = super().get_form_class()
            if not any(
                isinstance(f, django_filters.filters.QuerySetRequestMixin)
                for f in self.filters.values()
            ):
                _FORM_CLASSES[cls] = form_class
        return form_class


_FORM_CLASSES: dict[type[FastFilterSet], type[forms.Form]] = {}


# Django REST framework ----------------------------------------------------------------------


class RateLimitFirstInitial(_APIView):
    """A mixin for DRF views: ``APIView.initial`` with the throttle step moved.

    Upstream runs, in order: format suffix, content negotiation, versioning, authentication,
    permissions, throttles; a failed authentication raises before any throttle runs. Here the
    rate limit (``check_rate_limit``) runs right after authentication, *also when it failed*
    (the failure is raised after it), and before permissions: a flood of bad tokens is counted
    against its IP, and every 401 and 403 carries the rate-limit headers. ``check_request`` is a
    last step for a caller known and allowed (the API checks the body size there)."""

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        self.format_kwarg = self.get_format_suffix(**kwargs)
        request.accepted_renderer, request.accepted_media_type = self.perform_content_negotiation(
            request
        )
        request.version, request.versioning_scheme = self.determine_version(
            request, *args, **kwargs
        )
        failure: Exception | None = None
        try:
            self.perform_authentication(request)
            token = request.auth
        except Exception as exc:
            failure, token = exc, None
        self.check_rate_limit(request, token)
        if failure is not None:
            raise failure
        self.check_permissions(request)
        self.check_request(request)

    def check_rate_limit(self, request: Request, token: Any) -> None:
        """Upstream's throttle step; ``token`` is ``request.auth``, None when it failed."""
        self.check_throttles(request)

    def check_request(self, request: Request) -> None:
        """Nothing upstream."""


def _default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).replace(microsecond=0).isoformat()
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    return str(value)  # lazy translations, ErrorDetail, UUID


class JSONRenderer(BaseRenderer):
    """DRF's ``JSONRenderer`` with orjson: the bodies are already plain data, so this is all
    it takes, and it renders a page in a fraction of the time. Same bytes as upstream for plain
    data (compact, UTF-8 unescaped); datetimes in UTC to the second, decimals as strings."""

    media_type = "application/json"
    format = "json"
    charset = None

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> bytes:
        if data is None:
            return b""
        try:
            return orjson.dumps(data, default=_default, option=orjson.OPT_PASSTHROUGH_DATETIME)
        except TypeError:
            # orjson refuses integers beyond 64 bits (an absurd ?page= echoed in meta, say);
            # the standard library does not. Rendering must never turn a response into a 500.
            return json.dumps(data, default=_default, separators=(",", ":")).encode()


class JSONParser(BaseParser):
    """DRF's ``JSONParser`` with orjson; a malformed body is the same ``ParseError`` (400)."""

    media_type = "application/json"

    def parse(
        self,
        stream: IO[bytes],
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        try:
            return orjson.loads(stream.read())
        except orjson.JSONDecodeError as exc:
            raise ParseError(f"Malformed JSON body: {exc}.") from None


class JSONFirstNegotiation(DefaultContentNegotiation):
    """Honour Accept where a view offers several formats (the schema), but never answer 406:
    a client that asks for HTML still gets JSON rather than an error page.

    Nor a 404 for a ``?format=`` no renderer of the view has: upstream raises it in the middle
    of negotiation, before authentication and the rate limit, so the answer carried no
    rate-limit headers (the schema promises them on every response). The view answers as if
    it had not been asked (the lists that export CSV refuse other values themselves)."""

    def select_renderer(
        self, request: Request, renderers: Iterable[BaseRenderer], format_suffix: str | None = None
    ) -> tuple[BaseRenderer, str]:
        try:
            return super().select_renderer(request, renderers, format_suffix)
        except (NotAcceptable, Http404):
            first = next(iter(renderers))
            return first, first.media_type
