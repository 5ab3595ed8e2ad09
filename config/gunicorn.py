"""gunicorn's settings that follow Itinera's configuration (``gunicorn -c python:config.gunicorn``).

``TRUSTED_PROXIES`` is the one trusted-proxy setting (README "Configuration"): with ``0`` (the
default: nothing in front) gunicorn believes no forwarding header from anyone, as Django does
(``SECURE_PROXY_SSL_HEADER`` is then unset); with one or more proxies in front it believes
``X-Forwarded-Proto`` from ``FORWARDED_ALLOW_IPS`` (the proxies' addresses or networks) or, when
that is unset, from any peer: port 8000 must then be reachable through the proxies only.
"""

from __future__ import annotations

import gc
import os
from typing import Any

from config.env import env_int_aliased

trusted_proxies, _warnings = env_int_aliased(
    "TRUSTED_PROXIES", 0, deprecated=("API_NUM_PROXIES", "ENQUIRY_NUM_PROXIES")
)

forwarded_allow_ips: str
secure_scheme_headers: dict[str, str]
if trusted_proxies > 0:
    forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "").strip() or "*"
    # Django reads X-Forwarded-Proto itself (SECURE_PROXY_SSL_HEADER); gunicorn sets the WSGI
    # scheme from the same header only, never from X-Forwarded-Ssl or -Protocol.
    secure_scheme_headers = {"X-FORWARDED-PROTO": "https"}
else:
    forwarded_allow_ips = ""
    secure_scheme_headers = {}


def post_worker_init(worker: Any) -> None:
    """Once a worker has loaded the app (and its URLconf, which Django imports on the first
    request otherwise), move everything it loaded out of the garbage collector's reach: a
    full collection then walks what requests allocate, not ~200,000 objects of modules. The
    reports page at 1M spent 9 ms of 104 per request in the collector before, 1 ms after."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018  # imports every view module now
    gc.freeze()
