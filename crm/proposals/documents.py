"""A proposal's PDFs, branded with the agency's letterhead (``accounts.branding``): a version
as the client was sent it (options and prices, the day-by-day plan, the terms) and the
acceptance certificate. Both are rendered from frozen rows only (the version's content, the
acceptance), so the PDF of version 2 never changes, whatever is edited later.

Rendering goes through ``core.pdf`` (no network: the logo is a data: URI, the CSS inline). A
version or certificate is a few pages (about 0.1-0.3 s to render), rendered when asked; the
caller decides (a view serves it, a job could attach it).
"""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.text import slugify

from accounts.branding import letterhead
from core.pdf import render_pdf, static_text
from crm.proposals import versions
from crm.proposals.models import Acceptance, ProposalVersion

PDF_CSS = "css/pdf.css"


def _render(template: str, context: dict[str, object]) -> bytes:
    return render_pdf(render_to_string(template, {"css": static_text(PDF_CSS), **context}))


def version_pdf(version: ProposalVersion) -> bytes:
    """Version ``version`` as the client was sent it."""
    content = version.content
    start_date, end_date = versions.snapshot_dates(content)
    return _render(
        "pdf/proposal.html",
        {
            "document_title": content["title"],
            "letterhead": letterhead(version.agency),
            "version": version,
            "shown": content,
            "plan": versions.snapshot_plan(content),
            "start_date": start_date,
            "end_date": end_date,
            "valid_until": versions.parse_date(content.get("valid_until")),
        },
    )


def certificate_pdf(acceptance: Acceptance) -> bytes:
    """The acceptance certificate: every field the e-signature recorded."""
    return _render(
        "pdf/certificate.html",
        {
            "document_title": "Acceptance certificate",
            "letterhead": letterhead(acceptance.agency),
            "acceptance": acceptance,
            "shown": acceptance.version.content,
        },
    )


def version_filename(version: ProposalVersion) -> str:
    title = slugify(version.content.get("title", ""))[:60] or "proposal"
    return f"{title}-v{version.number}.pdf"


def certificate_filename(acceptance: Acceptance) -> str:
    title = slugify(acceptance.version.content.get("title", ""))[:60] or "proposal"
    return f"{title}-acceptance-certificate.pdf"
