"""Sign-up with a verified email: nothing usable exists until the emailed link is followed.

``signup_request`` creates nothing. It emails the address a signed, expiring link that carries
what the form asked (agency name, currency, name, email); following it lets the holder choose a
password, and only then are the agency and its owner created (``signup_complete``). So an
unverified address holds nothing: no squatting, nothing to expire, nothing that blocks a later
invitation or sign-up. The link works once (the address then has an account) and for
``SIGNUP_LINK_MAX_AGE``.

The answer never depends on the address: an address that already has an account gets an email
saying so, with a sign-in and a password-reset link, and the page says "check your inbox"
either way; an email refused by the limits (``core.mail``) changes nothing the caller sees.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import timedelta

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from accounts import selectors, services
from accounts.models import Agency, User
from accounts.usernames import username_from_email
from core import mail

SIGNUP_LINK_MAX_AGE = timedelta(days=3)
_SALT = "accounts.signup"


class SignupLinkInvalid(Exception):
    """The link is forged, expired, or was used already."""


@dataclass(frozen=True)
class PendingSignup:
    email: str
    agency_name: str
    default_currency: str
    name: str


def signup_request(
    *,
    email: str,
    agency_name: str,
    default_currency: str,
    name: str,
    confirm_url: str,
    sign_in_url: str,
    reset_url: str,
    sender: str | None,
) -> None:
    """Email ``email`` what comes next. ``confirm_url`` has ``{token}`` where the link's token
    goes. Answers nothing about the address, whatever happens."""
    email = email.strip().lower()
    agency_name = agency_name.strip()
    if not agency_name:
        raise ValidationError({"agency_name": ["An agency needs a name."]})
    context: dict[str, object]
    if selectors.email_taken(email):
        subject = "You already have an Itinera account"
        template = "registration/signup_exists_email"
        context = {"sign_in_url": mail.absolute(sign_in_url), "reset_url": mail.absolute(reset_url)}
    else:
        token = signup_token(
            email=email, agency_name=agency_name, default_currency=default_currency, name=name
        )
        subject = "Confirm your email to create your Itinera agency"
        template = "registration/signup_confirm_email"
        context = {
            "agency": mail.quoted(agency_name),
            "link": mail.absolute(confirm_url.replace("{token}", token)),
            "days": SIGNUP_LINK_MAX_AGE.days,
        }
    text, html = mail.render(template, context)
    # The same "check your inbox" page when the limits refuse it: they are no oracle either.
    with contextlib.suppress(mail.MailLimitReached):
        mail.send(
            to=email, subject=subject, body=text, html_body=html, kind="signup", sender=sender
        )


def signup_token(*, email: str, agency_name: str, default_currency: str, name: str) -> str:
    """The signed token of a sign-up link (signed, not encrypted: it holds nothing secret)."""
    return signing.dumps(
        {"e": email, "a": agency_name[:200], "c": default_currency, "n": name.strip()[:200]},
        salt=_SALT,
        compress=True,
    )


def signup_read(*, token: str) -> PendingSignup:
    """What a sign-up link carries, or ``SignupLinkInvalid``."""
    try:
        data = signing.loads(token, salt=_SALT, max_age=SIGNUP_LINK_MAX_AGE)
        pending = PendingSignup(
            email=str(data["e"]),
            agency_name=str(data["a"]),
            default_currency=str(data["c"]),
            name=str(data["n"]),
        )
    except (signing.BadSignature, KeyError, TypeError, ValueError) as exc:
        raise SignupLinkInvalid from exc
    if selectors.email_taken(pending.email):
        raise SignupLinkInvalid  # used already (or the address joined an agency since)
    return pending


def signup_complete(*, token: str, password: str) -> tuple[Agency, User]:
    """Create the agency and its owner from a sign-up link; the email is proven by it."""
    pending = signup_read(token=token)
    try:
        with transaction.atomic():
            return services.agency_create(
                name=pending.agency_name,
                owner_username=username_from_email(pending.email),
                owner_email=pending.email,
                owner_password=password,
                owner_name=pending.name,
                default_currency=pending.default_currency,
            )
    except IntegrityError as exc:  # the same link followed twice at once
        raise SignupLinkInvalid from exc
