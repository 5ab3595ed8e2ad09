"""Two-factor sign-in: an authenticator app (TOTP) and single-use recovery codes, on
django-otp's devices (``TOTPDevice``, and a ``StaticDevice`` holding the recovery codes).

Any user may turn it on; an agency's owner may require it of every member
(``Agency.require_two_factor``). The dashboard's sign-in asks for the code after the password
(``accounts.two_factor_views``), and ``accounts.middleware.TwoFactorMiddleware`` sends a
session that has not passed the second step (or a member who still has to set it up) there
before anything else.

For the API's token sign-in (``POST /api/v1/auth/token``, a later issue) and any other
caller that has checked a password itself::

    if two_factor.is_enabled(user) and not two_factor.check_second_factor(
        user, request.data.get("otp", ""), request=request
    ):
        refuse (401/422), whatever the password was

``check_second_factor`` accepts a current authenticator code or an unused recovery code (which
it consumes), and counts a wrong code against the same sign-in throttle as a wrong password
(``accounts.login_throttle``) and against a per-account counter that a correct password does not
reset, so knowing the password does not buy unlimited guesses at the code. ``required_for``
says whether the user's agency requires a second factor (a user who must set one up first gets
no token).

Secrets (the TOTP key, recovery codes) are never written to the event log; enabling,
disabling, regenerating the codes, a wrong code and the agency's switch are events.
"""

from __future__ import annotations

from base64 import b32encode
from dataclasses import dataclass
from typing import TYPE_CHECKING

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import login_throttle
from accounts.events import record_event
from accounts.models import Agency, Role, User
from core import ratelimit

if TYPE_CHECKING:
    from django.http import HttpRequest

AUTHENTICATOR_NAME = "Authenticator app"
RECOVERY_NAME = "Recovery codes"
RECOVERY_CODE_COUNT = 10
MAX_CODE_LENGTH = 32


# Reads --------------------------------------------------------------------------------------


def is_enabled(user: User) -> bool:
    """The user signs in with a second factor: they have a confirmed authenticator."""
    if not user.pk:
        return False
    return TOTPDevice.objects.filter(user_id=user.pk, confirmed=True).exists()


def required_for(user: User) -> bool:
    """The user's agency requires every member to sign in with a second factor."""
    return bool(user.agency_id and user.agency and user.agency.require_two_factor)


def pending_step(user: User) -> str | None:
    """What a signed-in session must do before any dashboard page: ``"verify"`` (the user
    has a second factor this session has not passed), ``"setup"`` (the agency requires one
    and the user has none yet), or nothing."""
    if not user.is_authenticated:
        return None
    is_verified = getattr(user, "is_verified", None)  # installed by django-otp's middleware
    if is_verified is not None and is_verified():
        return None
    if is_enabled(user):
        return "verify"
    if required_for(user):
        return "setup"
    return None


def recovery_codes_left(user: User) -> int:
    return StaticToken.objects.filter(device__user_id=user.pk, device__confirmed=True).count()


def members_without_two_factor(*, agency: Agency) -> list[User]:
    """Active members of the agency who have not set up a second factor (the owner's list)."""
    enabled = TOTPDevice.objects.filter(confirmed=True).values("user_id")
    return list(
        User.objects.filter(agency_id=agency.pk, is_active=True)
        .exclude(pk__in=enabled)
        .order_by("name", "username")
    )


def setup_qr_svg(device: TOTPDevice) -> str:
    """The device's ``otpauth://`` URL as an inline SVG QR code (no image file, no Pillow)."""
    image = qrcode.make(
        device.config_url, image_factory=qrcode.image.svg.SvgPathFillImage, box_size=8
    )
    svg: str = image.to_string(encoding="unicode")
    return svg


def setup_secret(device: TOTPDevice) -> str:
    """The key in base32, in groups of four, for typing into an app by hand."""
    key = b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


# Checking a code ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CodeCheck:
    device: Device | None = None
    locked: bool = False

    @property
    def ok(self) -> bool:
        return self.device is not None

    @property
    def used_recovery_code(self) -> bool:
        return isinstance(self.device, StaticDevice)


def _attempts_key(user: User) -> str:
    return f"2fa:user:{user.pk}"


def _limits() -> tuple[int, int]:
    return (
        getattr(settings, "LOGIN_FAILURES_PER_IDENTIFIER", 10),
        getattr(settings, "LOGIN_LOCKOUT_SECONDS", 900),
    )


def _is_locked(user: User, request: HttpRequest | None) -> bool:
    limit, window = _limits()
    if not ratelimit.hit(_attempts_key(user), limit, window=window, count=False).allowed:
        return True
    return login_throttle.is_locked_out(user.get_username(), user, request)


def _count_failure(user: User, request: HttpRequest | None, *, what: str = "code") -> None:
    limit, window = _limits()
    ratelimit.hit(_attempts_key(user), limit, window=window)
    login_throttle.record_failure(user.get_username(), user, request)
    if what != "code":
        return
    record_event(
        "user.two_factor_failed",
        agency_id=user.agency_id,
        subject=user,
        object_repr=user.get_username(),
        actor_name="Someone",
    )


def _normalise(code: str) -> str:
    return "".join(str(code).split()).replace("-", "").lower()


def _match(user: User, code: str) -> Device | None:
    """The device that accepts ``code`` (a recovery code is consumed), or None."""
    code = _normalise(code)
    if not code or len(code) > MAX_CODE_LENGTH or not code.isascii() or not code.isalnum():
        return None
    devices: list[Device]
    with transaction.atomic():
        if code.isdigit() and len(code) == 6:
            devices = list(
                TOTPDevice.objects.select_for_update().filter(user_id=user.pk, confirmed=True)
            )
        else:
            devices = list(
                StaticDevice.objects.select_for_update().filter(user_id=user.pk, confirmed=True)
            )
        for device in devices:
            if device.verify_token(code):
                return device
    return None


def verify_code(*, user: User, code: str, request: HttpRequest | None = None) -> CodeCheck:
    """Check a second-factor code for ``user``: a current authenticator code or an unused
    recovery code. A wrong one counts against the sign-in throttle; while locked out even the
    right one is refused."""
    if not is_enabled(user):
        return CodeCheck()
    if _is_locked(user, request):
        return CodeCheck(locked=True)
    device = _match(user, code)
    if device is None:
        _count_failure(user, request)
        return CodeCheck()
    ratelimit.clear(_attempts_key(user))
    if isinstance(device, StaticDevice):
        record_event(
            "user.recovery_code_used",
            agency_id=user.agency_id,
            subject=user,
            actor=user,
            data={"codes_left": recovery_codes_left(user)},
        )
    return CodeCheck(device=device)


def check_second_factor(user: User, code: str, request: HttpRequest | None = None) -> bool:
    """True when ``code`` is a valid second factor for ``user`` (see the module docstring)."""
    return verify_code(user=user, code=code, request=request).ok


def _confirm_identity(*, user: User, code: str, password: str, request: HttpRequest | None) -> None:
    """Before turning the second factor off or making new recovery codes: a current code, or
    the password. Runs outside the caller's transaction so that a failure is still counted."""
    code, password = (code or "").strip(), password or ""
    if not code and not password:
        raise ValidationError({"code": ["Enter a code from your app, or your password."]})
    if _is_locked(user, request):
        raise ValidationError({"code": ["Too many wrong attempts. Try again in 15 minutes."]})
    if code:
        if verify_code(user=user, code=code, request=request).ok:
            return
        raise ValidationError({"code": ["That code is not right, or it was already used."]})
    if user.check_password(password):
        return
    _count_failure(user, request, what="password")
    raise ValidationError({"password": ["That password is not right."]})


# Writes -------------------------------------------------------------------------------------


def setup_start(*, user: User) -> TOTPDevice:
    """The authenticator being set up (not yet confirmed): the same one until it is, so the
    QR code does not change on every visit."""
    if is_enabled(user):
        raise ValidationError("Two-factor sign-in is already on.")
    device = TOTPDevice.objects.filter(user_id=user.pk, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
    return device


def _new_recovery_codes(user: User) -> list[str]:
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_NAME, defaults={"confirmed": True}
    )
    StaticDevice.objects.filter(user_id=user.pk).exclude(pk=device.pk).delete()
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def setup_confirm(*, user: User, code: str) -> tuple[TOTPDevice, list[str]]:
    """Turn the second factor on with a first code from the app; returns the device and the
    recovery codes, shown once."""
    code = _normalise(code)
    with transaction.atomic():
        device = (
            TOTPDevice.objects.select_for_update()
            .filter(user_id=user.pk, confirmed=False)
            .order_by("pk")
            .first()
        )
        if device is None or is_enabled(user):
            raise ValidationError(
                {"code": ["Start the set-up again: there is nothing to confirm."]}
            )
        accepted = (
            len(code) == 6 and code.isascii() and code.isdigit() and device.verify_token(code)
        )
    if not accepted:
        raise ValidationError({"code": ["That code is not right. Check your phone's clock."]})
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user_id=user.pk).exclude(pk=device.pk).delete()
        codes = _new_recovery_codes(user)
        record_event("user.two_factor_enabled", agency_id=user.agency_id, subject=user, actor=user)
    return device, codes


def disable(
    *, user: User, code: str = "", password: str = "", request: HttpRequest | None = None
) -> None:
    """Turn the second factor off, given a current code or the password. In an agency that
    requires it, the user is then asked to set it up again before anything else."""
    if not is_enabled(user):
        raise ValidationError("Two-factor sign-in is already off.")
    _confirm_identity(user=user, code=code, password=password, request=request)
    with transaction.atomic():
        TOTPDevice.objects.filter(user_id=user.pk).delete()
        StaticDevice.objects.filter(user_id=user.pk).delete()
        record_event("user.two_factor_disabled", agency_id=user.agency_id, subject=user, actor=user)


def recovery_codes_regenerate(
    *, user: User, code: str = "", password: str = "", request: HttpRequest | None = None
) -> list[str]:
    """New recovery codes (the old ones stop working), given a current code or the password."""
    if not is_enabled(user):
        raise ValidationError("Turn on two-factor sign-in first.")
    _confirm_identity(user=user, code=code, password=password, request=request)
    with transaction.atomic():
        codes = _new_recovery_codes(user)
        record_event(
            "user.recovery_codes_regenerated", agency_id=user.agency_id, subject=user, actor=user
        )
    return codes


@transaction.atomic
def agency_require_two_factor(*, agency: Agency, acting: User, required: bool) -> Agency:
    """The owner's switch. Only the owner may turn it, and only on once their own sign-in has
    a second factor (so the switch cannot lock the agency out of its own settings)."""
    if acting.agency_id != agency.pk or acting.role != Role.OWNER:
        raise PermissionDenied("Only the agency's owner can change this.")
    if required and not is_enabled(acting):
        raise ValidationError(
            {"required": ["Turn on two-factor sign-in for yourself before requiring it."]}
        )
    agency = Agency.objects.select_for_update().get(pk=agency.pk)
    if agency.require_two_factor == required:
        return agency
    agency.require_two_factor = required
    agency.save(update_fields=["require_two_factor"])
    record_event(
        "agency.two_factor_required" if required else "agency.two_factor_optional",
        agency_id=agency.pk,
        subject=agency,
        actor=acting,
        changes={"require_two_factor": [not required, required]},
    )
    return agency
