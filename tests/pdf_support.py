"""Reading back the PDFs we render (core.pdf), for tests."""

from __future__ import annotations

import io

from pypdf import PdfReader


def pdf_text(content: bytes) -> str:
    """The text of every page of ``content``, which must be a PDF."""
    assert content.startswith(b"%PDF-"), content[:20]
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
