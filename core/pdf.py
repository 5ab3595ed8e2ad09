"""The one door to PDFs: :func:`render_pdf` turns our own HTML into PDF bytes with WeasyPrint.

Rendering never touches the network or the disk outside our static files: the document's
stylesheets are inlined (:func:`static_text`) and its images are ``data:`` URIs
(:func:`static_data_uri`, or an uploaded logo's bytes through :func:`data_uri`); every other
URL the HTML names is refused by the fetcher and simply left out of the PDF. So a client's
text in a proposal cannot make the renderer fetch ``http://169.254.169.254/`` or read
``file:///etc/passwd``.

Rendering costs tens to hundreds of milliseconds and tens of MB: callers render in a job
(``core.jobs``) and keep the bytes, except for a small document a user asked for and waits on.
Fonts are the system's (the Dockerfile installs DejaVu with Pango).
"""

from __future__ import annotations

import base64
import mimetypes
from functools import cache

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from weasyprint import HTML
from weasyprint.urls import URLFetcher

# WeasyPrint's own fetcher, allowed nothing but data: URIs (no http, https, file or ftp).
_OFFLINE = URLFetcher(allowed_protocols=("data",), allow_redirects=False, fail_on_errors=False)


def render_pdf(html: str) -> bytes:
    """The PDF of ``html`` (a whole document, its CSS inline)."""
    # base_url is set so relative links resolve to something the fetcher refuses.
    pdf = HTML(string=html, base_url="data:,", url_fetcher=_OFFLINE).write_pdf()
    assert pdf is not None  # write_pdf returns bytes when no target is given
    return pdf


def _static_path(path: str) -> str:
    found = finders.find(path)
    if not found or isinstance(found, list):
        raise FileNotFoundError(f"static file not found: {path}")
    return str(found)


@cache
def static_text(path: str) -> str:
    """A static file's text (a print stylesheet) to inline in a PDF's ``<style>``."""
    with open(_static_path(path), encoding="utf-8") as handle:
        return handle.read()


def data_uri(content: bytes, content_type: str) -> str:
    """``content`` as a ``data:`` URI an ``<img src>`` in a PDF may use."""
    return f"data:{content_type};base64,{base64.b64encode(content).decode('ascii')}"


@cache
def static_data_uri(path: str) -> str:
    """A static image as a ``data:`` URI."""
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    with open(_static_path(path), "rb") as handle:
        return data_uri(handle.read(), content_type)


def pdf_response(content: bytes, *, filename: str, download: bool = True) -> HttpResponse:
    """``content`` served as ``application/pdf`` (an attachment named ``filename``), never
    cached by a shared cache (PDFs carry a client's data)."""
    response = HttpResponse(content, content_type="application/pdf")
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
