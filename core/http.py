"""Who is asking: the client's IP address, the one rule for every per-address limit.

``TRUSTED_PROXIES`` (settings, from the environment; default 0) says how many reverse proxies in
front of Itinera append to ``X-Forwarded-For``. With 0, ``REMOTE_ADDR`` is the client and the
header is ignored (anyone can send it). With N, the client is the address the outermost trusted
proxy saw: the N-th hop from the right, since each proxy appends the address it was called from
and anything further left is the caller's to invent. A request with fewer hops than that did not
come through every proxy, and is known by its ``REMOTE_ADDR``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.http import HttpRequest

if TYPE_CHECKING:
    from rest_framework.request import Request


def client_ip(request: HttpRequest | Request) -> str:
    proxies = settings.TRUSTED_PROXIES
    if proxies > 0:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "")
