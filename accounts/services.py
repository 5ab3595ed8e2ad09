"""Writes for agencies, users and API tokens."""

from __future__ import annotations

import hmac
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.text import slugify

from accounts import login_throttle, selectors, token_cache, two_factor
from accounts.events import record_event
from accounts.models import (
    TOKEN_PREFIX,
    Agency,
    ApiToken,
    ApiTokenUsage,
    Invitation,
    Role,
    User,
    token_digest,
)
from accounts.quotas import tokens_per_user_check
from accounts.usernames import clean_username
from core import mail, ratelimit


@transaction.atomic
def agency_create(
    *,
    name: str,
    owner_username: str,
    owner_email: str,
    owner_password: str | None = None,
    owner_name: str = "",
    default_currency: str = "EUR",
    timezone_name: str = "UTC",
) -> tuple[Agency, User]:
    """Create an agency and its owner. Without a password the owner cannot sign in until one
    is set (``changepassword`` or a password reset)."""
    name = name.strip()
    if not name:
        raise ValidationError({"name": ["An agency needs a name."]})
    owner_username = clean_username(owner_username)
    if selectors.email_taken(owner_email):
        raise ValidationError({"email": [f"The email {owner_email!r} is already registered."]})
    agency = Agency(
        name=name,
        slug=_unique_slug(name),
        default_currency=default_currency.upper(),
        timezone=timezone_name,
    )
    agency.full_clean()
    agency.save()
    owner = user_create(
        agency=agency,
        username=owner_username,
        email=owner_email,
        password=owner_password,
        name=owner_name,
        role=Role.OWNER,
    )
    return agency, owner


def _unique_slug(name: str) -> str:
    base = slugify(name)[:70] or "agency"
    slug, n = base, 2
    while Agency.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def user_create(
    *,
    agency: Agency | None,
    username: str,
    email: str,
    password: str | None = None,
    name: str = "",
    role: str = Role.AGENT,
) -> User:
    username = clean_username(username)
    user = User(agency=agency, username=username, email=email.strip().lower(), name=name, role=role)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    return user


def user_find(identifier: str) -> User | None:
    """A user by email when the identifier has an "@", else by username."""
    return selectors.user_for_identifier(identifier)


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    plaintext: str  # shown once, never stored


def api_token_create(
    *,
    user: User,
    name: str,
    read_only: bool = False,
    rate_limit: int | None = None,
    expires_at: datetime | None = None,
) -> IssuedToken:
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": ["Give the token a name, e.g. 'Website'."]})
    if user.agency_id is None:
        raise ValidationError({"user": ["Only a member of an agency can hold an API token."]})
    if rate_limit is not None and not (1 <= rate_limit <= 100_000):
        raise ValidationError({"rate_limit": ["Between 1 and 100000 requests per minute."]})
    if expires_at is not None and expires_at <= timezone.now():
        raise ValidationError({"expires_at": ["The expiry must be in the future."]})
    tokens_per_user_check(live_tokens=ApiToken.objects.filter(user=user).active().count())
    secret = ApiToken.generate_secret()
    token = ApiToken(
        user=user,
        name=name[:100],
        key=ApiToken.generate_key(),
        digest=token_digest(secret),
        read_only=read_only,
        # The agency's default (its owner's Integrations page) unless the caller chose one.
        rate_limit=rate_limit or _agency_default_rate(user),
        expires_at=expires_at,
    )
    token.save()
    return IssuedToken(token=token, plaintext=f"{token.prefix}.{secret}")


def _agency_default_rate(user: User) -> int:
    agency = user.agency
    return agency.api_rate_limit if agency is not None else ApiToken.DEFAULT_RATE


def api_token_revoke(*, token: ApiToken) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def api_token_parse(raw: str) -> tuple[str, str] | None:
    """Split ``itn_<key>.<secret>`` into (key, secret); None when it is not of that form."""
    if not raw.startswith(TOKEN_PREFIX) or "." not in raw:
        return None
    key, _, secret = raw[len(TOKEN_PREFIX) :].partition(".")
    if not key or not secret or len(key) > 32 or len(secret) > 128:
        return None
    return key, secret


def api_token_verify(raw: str) -> ApiToken | None:
    """The active token this string proves, or None. Unknown key, wrong secret, expired and
    revoked all answer None, and the HMAC is computed even for an unknown key so the two
    cost the same time."""
    parsed = api_token_parse(raw)
    if parsed is None:
        return None
    key, secret = parsed
    digest = token_digest(secret)  # computed even for an unknown key: both cost the same
    epoch = token_cache.current_epoch()  # before the database: see accounts.token_cache
    cached = token_cache.get(key, digest, epoch)
    if cached is not None:
        return cached if cached.is_active else None  # expiry is a matter of time alone
    try:
        # get(), not first(): the key is unique, and first() would add an ORDER BY and a
        # LIMIT to a query that runs on every API request.
        token = ApiToken.objects.select_related("user", "user__agency").get(key=key)
    except ApiToken.DoesNotExist:
        return None
    if not hmac.compare_digest(token.digest, digest) or not token.is_active:
        return None
    if not token.user.is_active or token.user.agency_id is None:
        return None
    token_cache.put(key, token, epoch)
    return token


def api_token_authenticate(raw: str) -> tuple[ApiToken | None, bytes | None]:
    """``api_token_verify`` for the API's request pipeline, which reads the token cache's epoch
    in the same Redis round trip as its rate limit. A token this process has cached comes back
    with the epoch it was cached under, for the caller to compare with the current one before
    trusting it; a token read from the database comes back with None (nothing to confirm)."""
    parsed = api_token_parse(raw)
    if parsed is not None:
        cached = token_cache.peek(parsed[0], token_digest(parsed[1]))
        if cached is not None:
            token, epoch = cached
            return (token, epoch) if token.is_active else (None, None)
    return api_token_verify(raw), None


def api_token_touch(*, token: ApiToken) -> None:
    """Record use at most once per ``LAST_USED_RESOLUTION``, never a write per request."""
    now = timezone.now()
    last = token.last_used_at
    if last is None or now - last >= ApiToken.LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


# Invitations and the team ------------------------------------------------------------------

INVITATION_LIFETIME = timedelta(days=7)


def _may_grant(acting: User | None, role: str) -> bool:
    """Only the owner grants (or revokes, or deactivates) admins; admins manage agents."""
    if acting is None:
        return True  # an operator's command or script
    if role == Role.ADMIN:
        return acting.role == Role.OWNER
    return acting.role in (Role.OWNER, Role.ADMIN)


def invitation_create(
    *, agency: Agency, email: str, role: str = Role.AGENT, invited_by: User | None = None
) -> Invitation:
    """Invite someone by email to join ``agency``. An owner is never invited (one per agency);
    inviting an address again replaces its pending invitation with a fresh link.

    Only "already on your team" is ever said about an address: one that belongs to another
    agency's user gets an invitation like any other (its email explains), so the answer tells
    nobody who uses Itinera elsewhere."""
    email = (email or "").strip().lower()
    errors: dict[str, list[str]] = {}
    try:
        validate_email(email)
    except ValidationError:
        errors["email"] = ["Enter a valid email address."]
    if role not in (Role.AGENT, Role.ADMIN):
        errors["role"] = ["Invite as an agent or an admin."]
    elif not _may_grant(invited_by, role):
        errors["role"] = ["Only the owner can invite an admin."]
    if not errors.get("email"):
        colleague = selectors.user_for_identifier(email)
        if colleague is not None and colleague.agency_id == agency.pk:
            errors["email"] = [f"{colleague.display_name} is already on your team."]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        Invitation.objects.filter(agency=agency, email=email, accepted_at__isnull=True).delete()
        invitation = Invitation.objects.create(
            agency=agency,
            email=email,
            role=role,
            invited_by=invited_by,
            expires_at=timezone.now() + INVITATION_LIFETIME,
        )
        _record_invitation("invitation.created", invitation, actor=invited_by)
    return invitation


def _record_invitation(
    name: str, invitation: Invitation, *, actor: User | None, **data: object
) -> None:
    # The token is a secret: never in the history.
    record_event(
        name,
        agency_id=invitation.agency_id,
        object_type="invitation",
        object_id=invitation.pk,
        object_repr=invitation.email,
        data={"email": invitation.email, "role": invitation.role, **data},
        actor=actor,
        action="create" if name == "invitation.created" else "update",
    )


@transaction.atomic
def invitation_invite(
    *,
    agency: Agency,
    email: str,
    role: str = Role.AGENT,
    invited_by: User,
    link_for: Callable[[Invitation], str],
) -> Invitation:
    """Create an invitation and email it, or change nothing when the email cannot be sent
    (the outgoing email limits, ``core.mail``)."""
    invitation = invitation_create(agency=agency, email=email, role=role, invited_by=invited_by)
    try:
        invitation_send(invitation=invitation, link=link_for(invitation))
    except mail.MailLimitReached as exc:  # raising rolls the invitation back
        raise ValidationError(
            {"email": [f"Too many emails sent; try again in {_minutes(exc.retry_after)}."]}
        ) from exc
    return invitation


def _minutes(seconds: int) -> str:
    minutes = max(1, -(-seconds // 60))
    return "a minute" if minutes == 1 else f"{minutes} minutes"


def invitation_send(*, invitation: Invitation, link: str) -> None:
    """Email the invitation (``core.mail``: limited, fixed subject, delivered by a job once the
    invitation commits; the link on ``SITE_URL``). An address that already has an account gets,
    instead of a link, an email saying why it cannot join. Replies go to the inviter."""
    inviter = invitation.invited_by
    context = {
        "agency": mail.quoted(invitation.agency.name),
        "agency_name": mail.quoted(invitation.agency.name),
        "agent_name": mail.one_line(inviter.display_name) if inviter else "",
        "inviter": mail.quoted(inviter.display_name) if inviter else "A colleague",
        "role": invitation.get_role_display().lower(),
        "link": mail.absolute(link),
        "expires_at": invitation.expires_at,
    }
    has_account = selectors.email_taken(invitation.email)
    template = "invitation_exists_email" if has_account else "invitation_email"
    text, html = mail.render(f"registration/{template}", context)
    mail.send(
        to=invitation.email,
        subject="You're invited to join a team on Itinera",
        body=text,
        html_body=html,
        kind="invitation",
        sender=f"user:{inviter.pk}" if inviter else None,
        agency=invitation.agency_id,
        reply_to=[inviter.email] if inviter and inviter.email else None,
    )


def invitation_revoke(*, invitation: Invitation, actor: User | None = None) -> None:
    if invitation.accepted_at is None:
        with transaction.atomic():
            _record_invitation("invitation.revoked", invitation, actor=actor)
            invitation.delete()


@transaction.atomic
def invitation_accept(
    *, invitation: Invitation, username: str, password: str, name: str = ""
) -> User:
    """Create the invited user in the inviting agency. The link works once, and only while its
    inviter may still send it."""
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("invited_by")
        .get(pk=invitation.pk)
    )
    if not invitation.is_usable:
        raise ValidationError({"__all__": ["This invitation has expired or was already used."]})
    if selectors.email_taken(invitation.email):
        raise ValidationError({"__all__": ["This email already has an Itinera account."]})
    user = user_create(
        agency=invitation.agency,
        username=username,
        email=invitation.email,
        password=password,
        name=(name or "").strip(),
        role=invitation.role,
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    _record_invitation("invitation.accepted", invitation, actor=user, user_id=user.pk)
    return user


@transaction.atomic
def member_update(
    *, member: User, acting: User, role: str | None = None, is_active: bool | None = None
) -> User:
    """An owner/admin changes a colleague's role or access. Nobody changes themselves or the
    owner here; only the owner makes, unmakes, deactivates or reactivates admins."""
    if member.pk == acting.pk:
        raise ValidationError({"__all__": ["You cannot change your own role or access."]})
    if member.role == Role.OWNER:
        raise ValidationError({"__all__": ["The agency owner cannot be changed here."]})
    if not _may_grant(acting, member.role):
        raise ValidationError({"__all__": ["Only the owner can change an admin."]})
    before_role, before_active = member.role, member.is_active
    if role is not None:
        if role not in (Role.AGENT, Role.ADMIN):
            raise ValidationError({"role": ["Choose agent or admin."]})
        if not _may_grant(acting, role):
            raise ValidationError({"role": ["Only the owner can change an admin's role."]})
        member.role = role
    if is_active is not None:
        member.is_active = is_active
    member.save(update_fields=["role", "is_active"])
    if member.role != before_role:
        _record_member("member.role_changed", member, acting, {"from": before_role, "to": role})
    if member.is_active != before_active:
        name = "member.reactivated" if member.is_active else "member.deactivated"
        _record_member(name, member, acting, {})
    return member


def _record_member(name: str, member: User, acting: User, data: dict[str, object]) -> None:
    record_event(
        name,
        agency_id=member.agency_id,
        object_type="user",
        object_id=member.pk,
        object_repr=member.display_name,
        data=data,
        actor=acting,
    )


# The owner's Integrations page: API access, rate limits -------------------------------------


def _owner_check(acting: User, agency: Agency) -> None:
    if acting.agency_id != agency.pk or acting.role != Role.OWNER:
        raise PermissionDenied("Only the agency's owner can change this.")


def _rate_check(rate_limit: int, field: str) -> None:
    ceiling = settings.API_RATE_LIMIT_MAX
    if not 1 <= rate_limit <= ceiling:
        raise ValidationError({field: [f"Between 1 and {ceiling} requests per minute."]})


@transaction.atomic
def agency_api_access_set(*, agency: Agency, acting: User, enabled: bool) -> Agency:
    """The owner's switch for the whole agency's API access. Off, every token of the agency
    gets a 403 (``api.permissions``); saving the agency moves the token cache's epoch, so every
    process notices on its next request."""
    _owner_check(acting, agency)
    agency = Agency.objects.select_for_update().get(pk=agency.pk)
    if agency.api_enabled == enabled:
        return agency
    agency.api_enabled = enabled
    agency.save(update_fields=["api_enabled"])
    record_event(
        "agency.api_enabled" if enabled else "agency.api_disabled",
        agency_id=agency.pk,
        subject=agency,
        actor=acting,
        changes={"api_enabled": [not enabled, enabled]},
    )
    return agency


@transaction.atomic
def agency_api_rate_limit_set(*, agency: Agency, acting: User, rate_limit: int) -> Agency:
    """The requests per minute a new token of the agency gets (existing tokens keep theirs)."""
    _owner_check(acting, agency)
    _rate_check(rate_limit, "rate_limit")
    agency = Agency.objects.select_for_update().get(pk=agency.pk)
    before = agency.api_rate_limit
    if before == rate_limit:
        return agency
    agency.api_rate_limit = rate_limit
    agency.save(update_fields=["api_rate_limit"])
    record_event(
        "agency.api_rate_limit_changed",
        agency_id=agency.pk,
        subject=agency,
        actor=acting,
        data={"from": before, "to": rate_limit},
        changes={"api_rate_limit": [before, rate_limit]},
    )
    return agency


@transaction.atomic
def api_token_rate_limit_set(*, token: ApiToken, acting: User, rate_limit: int) -> ApiToken:
    """The owner raises or lowers one token's requests per minute (theirs or a member's),
    within the operator's ceiling (``API_RATE_LIMIT_MAX``)."""
    agency = token.user.agency
    if agency is None:
        raise PermissionDenied("Only the agency's owner can change this.")
    _owner_check(acting, agency)
    _rate_check(rate_limit, "rate_limit")
    before = token.rate_limit
    if before == rate_limit:
        return token
    token.rate_limit = rate_limit
    token.save(update_fields=["rate_limit"])
    record_event(
        "api_token.rate_limit_changed",
        agency_id=agency.pk,
        object_type="api_token",
        object_id=token.pk,
        object_repr=f"{token.name} ({token.prefix})",
        actor=acting,
        data={"from": before, "to": rate_limit},
        changes={"rate_limit": [before, rate_limit]},
    )
    return token


def api_usage_flush() -> int:
    """Copy the daily request tallies (``core.ratelimit``, counted in Redis with each request's
    rate-limit check) into ``ApiTokenUsage``. A tally is the day's running total, so a row
    takes the larger of what it holds and the tally: safe to run twice, or concurrently.
    Returns how many rows were written."""
    tallies = ratelimit.tally_all()
    keys = {name for name, _day in tallies}
    tokens = dict(ApiToken.objects.filter(key__in=keys).values_list("key", "pk"))
    written = 0
    for (key, day), count in sorted(tallies.items(), key=lambda item: item[0][1]):
        token_id = tokens.get(key)
        if token_id is None:  # deleted since
            continue
        with transaction.atomic():
            row, created = ApiTokenUsage.objects.select_for_update().get_or_create(
                token_id=token_id, day=day, defaults={"requests": count}
            )
            if not created and row.requests < count:
                row.requests = count
                row.save(update_fields=["requests"])
        written += 1
    ratelimit.tally_forget_before(ratelimit.today())
    return written


# Tokens for scripts: POST /api/v1/auth/token ------------------------------------------------

TOKEN_SIGN_IN_DAYS = 90
TOKEN_SIGN_IN_MAX_DAYS = 365
WRONG_CREDENTIALS = "The email, username or password is not right."


class SignInRefused(Exception):
    """A token sign-in refused: ``status`` 401 (credentials or code), 403 (not allowed to have
    a token) or 429 (locked out, ``retry_after`` seconds)."""

    def __init__(self, status: int, message: str, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.retry_after = status, message, retry_after


def api_token_sign_in(
    *,
    identifier: str,
    password: str,
    name: str,
    expires_in_days: int = TOKEN_SIGN_IN_DAYS,
    otp: str = "",
    request: HttpRequest | None = None,
) -> IssuedToken:
    """A new token for a script that signs in with an email (or username) and password: the
    sign-in page's rules exactly. The same lockout counts failures per account and per IP
    (``accounts.login_throttle``), an unknown identifier and a wrong password are the same
    refusal and cost the same time (the hasher runs for a dummy), a user with two-factor
    sign-in must send a valid ``otp`` (a wrong one counts as a failure), and deactivated
    members, members whose agency requires two-factor sign-in they have not set up, and
    agencies with API access switched off get none."""
    errors: dict[str, list[str]] = {}
    if not (name or "").strip():
        errors["name"] = ["Give the token a name, e.g. 'Nightly export'."]
    if not 1 <= expires_in_days <= TOKEN_SIGN_IN_MAX_DAYS:
        errors["expires_in_days"] = [f"Between 1 and {TOKEN_SIGN_IN_MAX_DAYS} days."]
    if errors:
        raise ValidationError(errors)
    user = selectors.user_for_identifier(identifier)
    retry = login_throttle.lockout_retry_after(identifier, user, request)
    if retry is not None:
        raise SignInRefused(429, "Too many failed sign-ins: try again later.", retry)
    if user is None:
        User().set_password(password)  # the time a real check takes: no enumeration by timing
        valid = False
    else:
        valid = user.check_password(password)
    if not valid:
        login_throttle.record_failure(identifier, user, request)
        # The audit trail of a failed sign-in, as the sign-in page's (Django masks no password
        # here: only the identifier is read by the receiver).
        user_login_failed.send(
            sender=__name__, credentials={"username": identifier}, request=request
        )
        raise SignInRefused(401, WRONG_CREDENTIALS)
    assert user is not None
    if not user.is_active:
        raise SignInRefused(403, "This account is deactivated: ask your agency's owner.")
    if user.agency is None:
        raise SignInRefused(403, "Only a member of an agency can hold an API token.")
    if two_factor.is_enabled(user):
        if not (otp or "").strip():
            raise SignInRefused(
                401, "This account signs in with two-factor: send `otp`, a code from the app."
            )
        check = two_factor.verify_code(user=user, code=otp, request=request)
        if check.locked:
            retry = login_throttle.lockout_retry_after(identifier, user, request)
            raise SignInRefused(429, "Too many failed sign-ins: try again later.", retry or 60)
        if not check.ok:
            raise SignInRefused(401, "That two-factor code is not right, or it was already used.")
    elif two_factor.required_for(user):
        raise SignInRefused(
            403,
            "Your agency requires two-factor sign-in: set it up in the dashboard "
            "(Settings → Security) before asking for a token.",
        )
    if not user.agency.api_enabled:
        raise SignInRefused(403, API_DISABLED)
    login_throttle.record_success(user)
    return api_token_create(
        user=user,
        name=name,
        expires_at=timezone.now() + timedelta(days=expires_in_days),
    )


API_DISABLED = (
    "API access is switched off for this agency: its owner can switch it on in the dashboard "
    "(Settings → Integrations)."
)
