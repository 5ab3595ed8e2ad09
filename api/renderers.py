"""JSON in and out with orjson: the bodies are already plain data, so this is all it takes."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import orjson
from rest_framework.exceptions import NotAcceptable, ParseError
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.parsers import BaseParser
from rest_framework.renderers import BaseRenderer


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
    media_type = "application/json"

    def parse(self, stream, media_type=None, parser_context=None) -> Any:
        try:
            return orjson.loads(stream.read())
        except orjson.JSONDecodeError as exc:
            raise ParseError(f"Malformed JSON body: {exc}.") from None


class JSONFirstNegotiation(DefaultContentNegotiation):
    """Honour Accept where a view offers several formats (the schema), but never answer 406:
    a client that asks for HTML still gets JSON rather than an error page."""

    def select_renderer(self, request, renderers, format_suffix=None):
        try:
            return super().select_renderer(request, renderers, format_suffix)
        except NotAcceptable:
            return renderers[0], renderers[0].media_type
