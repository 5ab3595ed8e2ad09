from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta
from typing import ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from accounts.tenancy import TenantQuerySet

TOKEN_PREFIX = "itn_"
TOKEN_KEY_BYTES = 6  # 12 hex chars: the public, indexed part
TOKEN_SECRET_BYTES = 32  # 43 url-safe chars: only its HMAC is stored


class Agency(models.Model):
    """The tenant: a travel agency. Every CRM record belongs to exactly one."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    default_currency = models.CharField(max_length=3, default="EUR")
    timezone = models.CharField(max_length=64, default="UTC")
    # The owner's switch: every member must sign in with a second factor (accounts.two_factor).
    require_two_factor = models.BooleanField(default=False)
    # The owner's Integrations page: API access for the whole agency, and the requests per
    # minute a new token gets (within settings.API_RATE_LIMIT_MAX).
    api_enabled = models.BooleanField(default=True)
    api_rate_limit = models.PositiveIntegerField(default=60)
    # How many days ahead an unpaid instalment is reminded to its agent (crm.notifications).
    instalment_reminder_days = models.PositiveSmallIntegerField(
        default=7, validators=[MinValueValidator(1), MaxValueValidator(60)]
    )
    # The owner's visibility switch: agents see only their own clients' records (and nothing
    # under a colleague's client answers but 404); owners and admins always see all.
    agents_see_own_clients = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    # Not a column: set on the copy ``accounts.tenancy.member_agency`` gives a restricted
    # agent, and read by ``TenantQuerySet.for_agency``.
    visible_to: int | None = None

    class Meta:
        verbose_name_plural = "agencies"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class AgencyBranding(models.Model):
    """How the agency's client-facing pages, emails and PDFs look: its logo (the image bytes,
    validated by ``accounts.branding``), colours and contact details. Read through
    ``accounts.branding.letterhead`` only."""

    agency = models.OneToOneField(
        Agency, on_delete=models.CASCADE, primary_key=True, related_name="branding"
    )
    logo = models.BinaryField(null=True, blank=True, editable=False)
    logo_type = models.CharField(max_length=20, blank=True)  # image/png, image/jpeg, image/webp
    logo_sha256 = models.CharField(max_length=64, blank=True)
    primary_color = models.CharField(max_length=7, default="#0f766e")
    accent_color = models.CharField(max_length=7, default="#134e4a")
    address = models.TextField(blank=True, max_length=500)
    phone = models.CharField(max_length=50, blank=True)
    website = models.URLField(blank=True)
    email_signature = models.TextField(blank=True, max_length=2_000)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Branding of {self.agency_id}"


class Role(models.TextChoices):
    OWNER = "owner", "Owner"
    ADMIN = "admin", "Admin"
    AGENT = "agent", "Agent"


class User(AbstractUser):
    email = models.EmailField(unique=True)
    name = models.CharField(max_length=200, blank=True)
    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.CASCADE, related_name="members"
    )
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.AGENT)
    # What the dashboard remembers for this member (``core.views.list_page``): per list,
    # "mine or everyone" and the page size, e.g. ``{"lists": {"clients": {"mine": true}}}``.
    preferences = models.JSONField(default=dict, blank=True)

    objects: ClassVar[UserManager[User]] = UserManager()  # type: ignore[assignment]

    class Meta:
        ordering = ["name", "username"]
        constraints = [
            # "Bob" beside "bob" would be two accounts that people (and a lockout) take for one.
            models.UniqueConstraint(
                Lower("username"),
                name="user_username_ci_unique",
                violation_error_message="This username is taken.",
            ),
            models.UniqueConstraint(
                Lower("email"),
                name="user_email_ci_unique",
                violation_error_message="This email already has an account.",
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    def clean(self) -> None:
        super().clean()
        # An identifier with "@" is always an email (accounts.selectors.user_for_identifier):
        # a username like another user's email would otherwise capture that email's sign-in.
        if "@" in (self.username or ""):
            raise ValidationError({"username": ["A username cannot contain “@”."]})

    @property
    def display_name(self) -> str:
        return self.name or self.get_full_name() or self.username

    @property
    def is_agency_admin(self) -> bool:
        return self.role in (Role.OWNER, Role.ADMIN)


def token_digest(secret: str) -> str:
    """HMAC-SHA256 of a token secret, keyed by the server-side pepper."""
    return hmac.new(settings.API_TOKEN_PEPPER.encode(), secret.encode(), hashlib.sha256).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def active(self) -> ApiTokenQuerySet:
        now = timezone.now()
        return self.filter(revoked_at__isnull=True).filter(
            models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=now)
        )


class ApiToken(models.Model):
    """A personal access token ``itn_<key>.<secret>``; only an HMAC of the secret is stored."""

    DEFAULT_RATE = 60
    LAST_USED_RESOLUTION = timedelta(minutes=1)

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    key = models.CharField(max_length=32, unique=True)
    digest = models.CharField(max_length=64)
    read_only = models.BooleanField(default=False)
    rate_limit = models.PositiveIntegerField(default=DEFAULT_RATE)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def prefix(self) -> str:
        return f"{TOKEN_PREFIX}{self.key}"

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_active(self) -> bool:
        return not self.is_revoked and not self.is_expired

    @staticmethod
    def generate_key() -> str:
        return secrets.token_hex(TOKEN_KEY_BYTES)

    @staticmethod
    def generate_secret() -> str:
        return secrets.token_urlsafe(TOKEN_SECRET_BYTES)

    def verify(self, secret: str) -> bool:
        return hmac.compare_digest(self.digest, token_digest(secret))


class ApiTokenUsage(models.Model):
    """How many requests a token made on one day (UTC): counted in Redis per request
    (``core.usage``) and flushed here by a periodic job, never written per request."""

    token = models.ForeignKey(ApiToken, on_delete=models.CASCADE, related_name="usage")
    day = models.DateField()
    requests = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["token", "day"]
        constraints = [
            models.UniqueConstraint(fields=["token", "day"], name="api_token_usage_token_day")
        ]

    def __str__(self) -> str:
        return f"{self.token_id} {self.day}: {self.requests}"


class Invitation(models.Model):
    """An owner/admin invites an agent by email; the link carries an unguessable token."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.AGENT)
    token = models.CharField(max_length=64, unique=True, default=secrets.token_urlsafe)
    invited_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} → {self.agency}"

    @property
    def is_usable(self) -> bool:
        return (
            self.accepted_at is None
            and self.expires_at > timezone.now()
            and self.inviter_may_still_invite
        )

    @property
    def inviter_may_still_invite(self) -> bool:
        """An invitation is only as good as its inviter's right to send it today: it dies when
        they are deactivated, leave the agency, or lose the role (only the owner invites admins)."""
        inviter = self.invited_by
        if inviter is None or not inviter.is_active or inviter.agency_id != self.agency_id:
            return False
        if self.role == Role.ADMIN:
            return inviter.role == Role.OWNER
        return inviter.role in (Role.OWNER, Role.ADMIN)


class ActivityChannel(models.TextChoices):
    DASHBOARD = "dashboard", "Dashboard"
    API = "api", "API"
    WEB_FORM = "web_form", "Website form"
    CLIENT_LINK = "client_link", "Client's proposal link"
    ADMIN = "admin", "Admin"
    SYSTEM = "system", "System"


class ActivityAction(models.TextChoices):
    CREATE = "create", "Created"
    UPDATE = "update", "Updated"
    DELETE = "delete", "Deleted"
    TOKEN_CREATE = "token_create", "API token created"
    TOKEN_REVOKE = "token_revoke", "API token revoked"
    SIGN_IN = "sign_in", "Signed in"
    SIGN_IN_FAILED = "sign_in_failed", "Sign-in failed"


class Activity(models.Model):
    """The event log: what happened (a named event), who did it, when, through which
    channel, and what changed. The history people read, and the outbox for notifications and
    webhooks (see ``accounts.events``).

    Written only by ``accounts.events.record_event``: from model signals (``accounts.audit``),
    so nothing that saves a record can forget it, and by services for changes no single save
    describes. Secrets (token digests, share-link tokens, passwords) are never recorded.
    """

    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    actor = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=200, blank=True)
    channel = models.CharField(max_length=12, choices=ActivityChannel.choices)
    # What happened, by name (``proposal.accepted``; see ``accounts.events.EVENTS``).
    event = models.CharField(max_length=60, blank=True)
    action = models.CharField(max_length=15, choices=ActivityAction.choices)
    object_type = models.CharField(max_length=40)
    object_id = models.BigIntegerField(null=True, blank=True)
    object_repr = models.CharField(max_length=200, blank=True)
    # The client a change concerns (itself, or the client of an itinerary/proposal/booking),
    # so a client's page can show its whole history. Not a foreign key: history outlives it.
    client_id = models.BigIntegerField(null=True, blank=True)
    # The field diff of the save behind the event ({field: [before, after]}): a detail of it.
    changes = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    # What the event itself carries beyond the diff (a day's number, a payment's amount...).
    data = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    created_at = models.DateTimeField(default=timezone.now)

    objects = TenantQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "activities"
        indexes = [
            models.Index(fields=["agency", "client_id", "-created_at"], name="activity_client"),
            models.Index(fields=["agency", "object_type", "object_id"], name="activity_object"),
            models.Index(fields=["agency", "-created_at"], name="activity_agency_created"),
        ]

    def __str__(self) -> str:
        return f"{self.actor_name or 'system'} {self.action} {self.object_type} {self.object_repr}"

    @staticmethod
    def visible_where(viewer_id: int) -> models.Q:
        """The visibility rule for history (see ``accounts.tenancy.member_agency``): a client's
        history follows its client, so a restricted agent reads only their own clients'
        entries; entries about no client (suppliers, forms, the team) follow their record's
        own rule and stay. Through the user's reverse relation to crm's clients
        (``assigned_clients``), not an import: accounts sits below crm."""
        own_clients = User.objects.filter(pk=viewer_id).values("assigned_clients")
        return models.Q(client_id__isnull=True) | models.Q(client_id__in=own_clients)
