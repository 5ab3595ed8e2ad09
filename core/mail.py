"""The one door for outgoing email: every message the application sends goes through ``send``.

Each message counts against three rolling windows (``core.ratelimit``, shared by every process
through Redis): its recipient, its sender (a signed-in user, or the address of an anonymous
request) and the agency it is sent for. When any of them is full the message is not sent and
``MailLimitReached`` says which; nothing is counted for a refused message. Limits come from the
settings ``MAIL_LIMIT_PER_RECIPIENT``, ``MAIL_LIMIT_PER_SENDER``, ``MAIL_LIMIT_PER_AGENCY`` over
``MAIL_LIMIT_WINDOW`` seconds.

Subjects are the caller's fixed text, collapsed to one line; a name someone typed (an agency's,
a colleague's) belongs in the body, through ``quoted``. Keeping this the single door is what lets
the delivery itself move into a background job without touching any caller.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from core import ratelimit

_DEFAULTS = {
    "MAIL_LIMIT_PER_RECIPIENT": 5,
    "MAIL_LIMIT_PER_SENDER": 50,
    "MAIL_LIMIT_PER_AGENCY": 200,
    "MAIL_LIMIT_WINDOW": 3600,
}
_BREAKS = re.compile(r"[\s\u2028\u2029]+")
NAME_LENGTH = 60


class MailLimitReached(Exception):
    """The message was not sent: ``scope`` (recipient, sender or agency) has sent enough."""

    def __init__(self, scope: str, retry_after: int) -> None:
        self.scope = scope
        self.retry_after = retry_after
        super().__init__(f"Too many emails for this {scope}; try again in {retry_after} s.")


def _setting(name: str) -> int:
    return int(getattr(settings, name, _DEFAULTS[name]))


def one_line(text: str) -> str:
    """Text with every line break, tab and control character turned into a single space."""
    cleaned = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in str(text))
    return _BREAKS.sub(" ", cleaned).strip()


def quoted(name: str, length: int = NAME_LENGTH) -> str:
    """A user-supplied name as an email may show it: one line, at most ``length`` characters,
    between quotation marks, so it cannot pass for the email's own words."""
    flat = one_line(name)
    if len(flat) > length:
        flat = flat[: length - 1].rstrip() + "…"
    return f"“{flat}”"


def _recipient_key(address: str) -> str:
    normalised = unicodedata.normalize("NFKC", address).casefold().strip()
    return "mail:to:" + hashlib.sha256(normalised.encode()).hexdigest()[:32]


def send(
    *,
    to: str,
    subject: str,
    body: str,
    kind: str,
    sender: str | None = None,
    agency: int | None = None,
    html_body: str | None = None,
    reply_to: list[str] | None = None,
    from_email: str | None = None,
) -> None:
    """Send one message to one address, or raise ``MailLimitReached`` and send nothing.

    ``kind`` names the message (``invitation``, ``password_reset``...) for logs and jobs;
    ``sender`` is who caused it (``user:42``, ``ip:203.0.113.7``); ``agency`` its agency's id.
    """
    window = _setting("MAIL_LIMIT_WINDOW")
    checks = [("recipient", _recipient_key(to), _setting("MAIL_LIMIT_PER_RECIPIENT"))]
    if sender:
        checks.append(("sender", f"mail:from:{sender}", _setting("MAIL_LIMIT_PER_SENDER")))
    if agency is not None:
        checks.append(("agency", f"mail:agency:{agency}", _setting("MAIL_LIMIT_PER_AGENCY")))
    # Look first, count after: a message refused by one scope uses up none of the others.
    for scope, key, limit in checks:
        state = ratelimit.hit(key, limit, window=window, count=False)
        if not state.allowed:
            raise MailLimitReached(scope, state.reset)
    for _scope, key, limit in checks:
        ratelimit.hit(key, limit, window=window)
    message = EmailMultiAlternatives(
        subject=one_line(subject)[:200],
        body=body,
        from_email=from_email,
        to=[to],
        reply_to=reply_to,
        headers={"X-Itinera-Kind": kind},
    )
    if html_body is not None:
        message.attach_alternative(html_body, "text/html")
    message.send()
