"""The agency's terms and conditions, versioned: publishing writes the next version, never
edits one. A proposal version records the terms it was sent with; an acceptance, the terms
version the client ticked."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.events import record_event
from accounts.models import Agency, User
from crm.proposals.models import TermsVersion
from crm.proposals.versions import terms_current

TERMS_MAX_LENGTH = 50_000


@transaction.atomic
def terms_publish(*, agency: Agency, created_by: User | None, text: str) -> TermsVersion:
    """Publish ``text`` as the agency's next terms version. Proposals sent from now on carry
    it; versions already sent keep theirs. The same text as the current version is refused."""
    text = (text or "").replace("\r\n", "\n").strip()
    if not text:
        raise ValidationError({"text": ["Write the terms and conditions to publish."]})
    if len(text) > TERMS_MAX_LENGTH:
        raise ValidationError({"text": [f"At most {TERMS_MAX_LENGTH:,} characters."]})
    # One publisher at a time per agency: the agency row is the lock.
    Agency.objects.select_for_update().filter(pk=agency.pk).first()
    current = terms_current(agency_id=agency.pk)
    if current is not None and current.text == text:
        raise ValidationError(
            {"text": [f"This is already version {current.number}; change the text to publish."]}
        )
    terms = TermsVersion.objects.create(
        agency=agency,
        number=(current.number if current else 0) + 1,
        text=text,
        created_by=created_by,
    )
    record_event(
        "terms.published",
        agency_id=agency.pk,
        subject=terms,
        data={"version": terms.number},
        actor=created_by,
    )
    return terms
