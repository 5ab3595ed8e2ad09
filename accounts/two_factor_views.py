"""The pages of two-factor sign-in: the second step of signing in, setting it up, and the
user's Security page (turn it off, new recovery codes, the owner's agency switch). The rules
are in ``accounts.two_factor``; these views only translate between HTTP and it.

After a correct password, ``SignInView`` does not sign a user with a second factor in: it
calls :func:`start_second_step`, which keeps who they are in the session (signed, for
``TWO_FACTOR_PENDING_SECONDS``, bound to their password) and sends them to ``verify``. Only a
correct code there signs them in (``django.contrib.auth.login`` and ``django_otp.login``).
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from accounts import two_factor
from accounts.models import Role, User
from accounts.tenancy import AgencyRequest, agency_required
from core.views import add_service_errors

PENDING_KEY = "two_factor_pending"
PENDING_SALT = "accounts.two_factor.pending"


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=two_factor.MAX_CODE_LENGTH,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}
        ),
        help_text="The 6 digits your authenticator app shows, or one of your recovery codes.",
    )


class StepUpForm(forms.Form):
    """A current code or the password, before a change to the second factor itself."""

    code = forms.CharField(
        label="Code from your app (or a recovery code)",
        max_length=two_factor.MAX_CODE_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "spellcheck": "false"}),
    )
    password = forms.CharField(
        label="…or your password",
        required=False,
        strip=False,
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class AgencySwitchForm(forms.Form):
    required = forms.BooleanField(required=False)


# The pending sign-in -------------------------------------------------------------------------


@dataclass(frozen=True)
class Pending:
    user: User
    backend: str


def start_second_step(request: HttpRequest, user: User, *, next_url: str = "") -> HttpResponse:
    """Called by the sign-in view after a correct password: remember the user, not signed in."""
    request.session[PENDING_KEY] = signing.dumps(
        {"user": user.pk, "backend": getattr(user, "backend", ""), "hash": _bind(user)},
        salt=PENDING_SALT,
    )
    url = reverse("two_factor_verify")
    if next_url:
        url += "?" + urlencode({"next": next_url})
    return redirect(url)


def _bind(user: User) -> str:
    # Changing the password (or turning the second factor off and on) voids a pending sign-in.
    return user.get_session_auth_hash()


def _pending(request: HttpRequest) -> Pending | None:
    raw = request.session.get(PENDING_KEY)
    if not raw:
        return None
    max_age = getattr(settings, "TWO_FACTOR_PENDING_SECONDS", 300)
    try:
        data = signing.loads(raw, salt=PENDING_SALT, max_age=max_age)
        user = User.objects.get(pk=int(data["user"]), is_active=True)
    except (signing.BadSignature, User.DoesNotExist, KeyError, TypeError, ValueError):
        request.session.pop(PENDING_KEY, None)
        return None
    if not hmac.compare_digest(str(data.get("hash", "")), _bind(user)):
        request.session.pop(PENDING_KEY, None)
        return None
    return Pending(user=user, backend=str(data.get("backend") or ""))


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse(settings.LOGIN_REDIRECT_URL)


@never_cache
@sensitive_post_parameters("code")
def verify(request: HttpRequest) -> HttpResponse:
    """The second step: after the password (a pending sign-in), or for a session that signed in
    before its user turned the second factor on."""
    pending = None if request.user.is_authenticated else _pending(request)
    if pending is not None:
        user = pending.user
    elif request.user.is_authenticated and two_factor.pending_step(request.user) == "verify":
        user = request.user
    elif request.user.is_authenticated:
        return redirect(_safe_next(request))
    else:
        if request.method == "POST":
            messages.info(request, "Your sign-in timed out. Sign in again.")
        return redirect("login")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        check = two_factor.verify_code(user=user, code=form.cleaned_data["code"], request=request)
        if check.ok:
            if pending is not None:
                request.session.pop(PENDING_KEY, None)
                login(request, user, backend=pending.backend or None)
            otp_login(request, check.device)
            if check.used_recovery_code:
                left = two_factor.recovery_codes_left(user)
                messages.warning(
                    request,
                    f"You used a recovery code; {left} left. Make new ones on your Security page.",
                )
            return redirect(_safe_next(request))
        if check.locked:
            form.add_error("code", "Too many wrong attempts. Try again in 15 minutes.")
        else:
            form.add_error("code", "That code is not right, or it was already used.")
    return render(
        request,
        "registration/two_factor_verify.html",
        {"form": form, "next": _safe_next(request), "signed_in": pending is None},
    )


# Setting it up -------------------------------------------------------------------------------


def _recovery_codes_page(request: HttpRequest, codes: list[str], *, first: bool) -> HttpResponse:
    response = render(
        request, "registration/two_factor_recovery_codes.html", {"codes": codes, "first": first}
    )
    response["Cache-Control"] = "no-store"  # the codes are in this response only
    return response


@never_cache
@sensitive_post_parameters("code")
@agency_required
def setup(request: AgencyRequest) -> HttpResponse:
    user = request.user
    if two_factor.is_enabled(user):
        if two_factor.pending_step(user) == "verify":
            return redirect("two_factor_verify")
        messages.info(request, "Two-factor sign-in is already on.")
        return redirect("security")
    form = CodeForm(request.POST or None)
    form.fields["code"].help_text = "The 6 digits your app shows now."
    if request.method == "POST" and form.is_valid():
        try:
            device, codes = two_factor.setup_confirm(user=user, code=form.cleaned_data["code"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            otp_login(request, device)  # this session has just proved the second factor
            return _recovery_codes_page(request, codes, first=True)
    device = two_factor.setup_start(user=user)
    response = render(
        request,
        "registration/two_factor_setup.html",
        {
            "form": form,
            "qr_svg": two_factor.setup_qr_svg(device),
            "secret": two_factor.setup_secret(device),
            "required": two_factor.required_for(user),
        },
    )
    response["Cache-Control"] = "no-store"  # the secret is on this page
    return response


# The Security page ---------------------------------------------------------------------------


def _render_security(request: AgencyRequest, **forms_: Any) -> HttpResponse:
    user = request.user
    is_owner = user.role == Role.OWNER
    context = {
        "enabled": two_factor.is_enabled(user),
        "required": two_factor.required_for(user),
        "codes_left": two_factor.recovery_codes_left(user),
        "disable_form": forms_.get("disable_form") or StepUpForm(prefix="disable"),
        "codes_form": forms_.get("codes_form") or StepUpForm(prefix="codes"),
        "is_owner": is_owner,
        "switch_errors": forms_.get("switch_errors") or [],
        "without": two_factor.members_without_two_factor(agency=request.agency) if is_owner else [],
    }
    status = 422 if forms_ else 200
    return render(request, "accounts/security.html", context, status=status)


@never_cache
@agency_required
def security(request: AgencyRequest) -> HttpResponse:
    return _render_security(request)


def _step_up(request: AgencyRequest, prefix: str) -> tuple[StepUpForm, dict[str, str] | None]:
    form = StepUpForm(request.POST, prefix=prefix)
    if not form.is_valid():
        return form, None
    return form, {
        "code": form.cleaned_data["code"],
        "password": form.cleaned_data["password"],
    }


@require_POST
@sensitive_post_parameters("disable-code", "disable-password")
@agency_required
def disable(request: AgencyRequest) -> HttpResponse:
    form, given = _step_up(request, "disable")
    if given is not None:
        try:
            two_factor.disable(user=request.user, request=request, **given)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Two-factor sign-in is off.")
            return redirect("security")
    return _render_security(request, disable_form=form)


@require_POST
@sensitive_post_parameters("codes-code", "codes-password")
@agency_required
def recovery_codes(request: AgencyRequest) -> HttpResponse:
    form, given = _step_up(request, "codes")
    if given is not None:
        try:
            codes = two_factor.recovery_codes_regenerate(
                user=request.user, request=request, **given
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return _recovery_codes_page(request, codes, first=False)
    return _render_security(request, codes_form=form)


@require_POST
@agency_required
def agency_switch(request: AgencyRequest) -> HttpResponse:
    form = AgencySwitchForm(request.POST)
    form.is_valid()  # a BooleanField that is not required always is
    required = bool(form.cleaned_data.get("required"))
    try:
        two_factor.agency_require_two_factor(
            agency=request.agency, acting=request.user, required=required
        )
    except ValidationError as exc:
        return _render_security(request, switch_errors=exc.messages)
    if required:
        messages.success(request, "Everyone at your agency now signs in with a second factor.")
    else:
        messages.success(request, "Two-factor sign-in is now optional at your agency.")
    return redirect("security")
