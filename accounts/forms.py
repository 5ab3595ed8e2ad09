"""Forms for signing in, signing up, joining an agency, the team and API tokens."""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role, User
from core import mail
from core.http import client_ip

USERNAME_HELP = "Letters, digits and . + - _ only (no “@”). You can also sign in with your email."

CURRENCIES = [
    ("EUR", "EUR — Euro"),
    ("USD", "USD — US dollar"),
    ("GBP", "GBP — Pound sterling"),
    ("CHF", "CHF — Swiss franc"),
    ("CAD", "CAD — Canadian dollar"),
    ("AUD", "AUD — Australian dollar"),
    ("NZD", "NZD — New Zealand dollar"),
    ("JPY", "JPY — Japanese yen"),
    ("AED", "AED — UAE dirham"),
    ("ZAR", "ZAR — South African rand"),
    ("INR", "INR — Indian rupee"),
]


class SignInForm(AuthenticationForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Username or email"
        self.fields["username"].widget.attrs.update(autocomplete="username", autofocus=True)


class _PasswordPair(forms.Form):
    password1 = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 8 characters; not too common, not all digits.",
    )
    password2 = forms.CharField(
        label="Confirm password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def _user_for_validation(self) -> User:
        data = self.cleaned_data
        return User(
            username=data.get("username", ""),
            email=data.get("email", "") or getattr(self, "invited_email", ""),
            name=data.get("name", ""),
        )

    def clean(self) -> dict[str, Any]:
        super().clean()  # Form.clean returns cleaned_data, which the stubs widen to "| None"
        data = self.cleaned_data
        p1, p2 = data.get("password1"), data.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", "The two passwords do not match.")
        elif p1:
            try:
                password_validation.validate_password(p1, self._user_for_validation())
            except forms.ValidationError as exc:
                self.add_error("password1", exc)
        return data


class SignUpForm(forms.Form):
    """No username and no password here: the emailed link asks the password, and a username is
    made from the email (so this form tells nobody which usernames or emails exist)."""

    agency_name = forms.CharField(
        label="Agency name",
        max_length=200,
        widget=forms.TextInput(attrs={"autofocus": True, "placeholder": "Horizon Travel"}),
    )
    default_currency = forms.ChoiceField(label="Currency", choices=CURRENCIES, initial="EUR")
    name = forms.CharField(label="Your name", max_length=200)
    email = forms.EmailField(label="Work email", widget=forms.EmailInput({"autocomplete": "email"}))


class ChoosePasswordForm(_PasswordPair):
    def __init__(self, *args: Any, invited_email: str = "", **kwargs: Any) -> None:
        self.invited_email = invited_email
        super().__init__(*args, **kwargs)


class AcceptInvitationForm(_PasswordPair):
    name = forms.CharField(
        label="Your name", max_length=200, widget=forms.TextInput({"autofocus": True})
    )
    username = forms.RegexField(
        regex=r"^[\w.+-]+\Z",
        max_length=150,
        help_text=USERNAME_HELP,
        error_messages={"invalid": "Use only letters, digits and . + - _ (no “@”)."},
        widget=forms.TextInput(attrs={"autocomplete": "username"}),
    )
    field_order = ["name", "username", "password1", "password2"]

    def __init__(self, *args: Any, invited_email: str = "", **kwargs: Any) -> None:
        self.invited_email = invited_email
        super().__init__(*args, **kwargs)


class InviteForm(forms.Form):
    email = forms.EmailField(widget=forms.EmailInput(attrs={"placeholder": "colleague@agency.com"}))
    role = forms.ChoiceField(
        choices=[(Role.AGENT, "Agent"), (Role.ADMIN, "Admin (can manage the team)")],
        initial=Role.AGENT,
        required=False,  # an agent unless said otherwise
    )

    def clean_role(self) -> str:
        return self.cleaned_data.get("role") or Role.AGENT

    def __init__(self, *args: Any, acting: User | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if acting is not None and acting.role != Role.OWNER:
            # Only the owner grants the admin role (accounts.services.invitation_create).
            self.fields["role"].choices = [(Role.AGENT, "Agent")]  # type: ignore[attr-defined]


class LimitedPasswordResetForm(PasswordResetForm):
    """Django's reset form, sending through ``core.mail``: a reset refused by the email limits
    sends nothing, and the page answers as usual (no oracle)."""

    _request: HttpRequest | None = None

    def save(self, *args: Any, **kwargs: Any) -> None:
        self._request = kwargs.get("request")
        super().save(*args, **kwargs)

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        user = context.get("user")
        ip = client_ip(self._request) if self._request is not None else None
        # The link on SITE_URL, not on the request's domain (a Host header is the caller's).
        path = reverse("password_reset_confirm", args=[context["uid"], context["token"]])
        text, html = mail.render(
            "registration/password_reset_email", {**context, "reset_link": mail.absolute(path)}
        )
        with contextlib.suppress(mail.MailLimitReached):  # the page answers as usual
            mail.send(
                to=to_email,
                subject=render_to_string(subject_template_name, context),
                body=text,
                html_body=html,
                kind="password_reset",
                sender=f"ip:{ip}" if ip else None,
                agency=getattr(user, "agency_id", None),
                from_email=from_email,
            )


class MemberForm(forms.Form):
    role = forms.ChoiceField(choices=[(Role.AGENT, "Agent"), (Role.ADMIN, "Admin")], required=False)
    is_active = forms.TypedChoiceField(
        choices=[("1", "Active"), ("0", "Deactivated")],
        coerce=lambda v: v == "1",
        required=False,
        empty_value=None,
    )


EXPIRY_CHOICES = [
    ("", "Never"),
    ("7", "In 7 days"),
    ("30", "In 30 days"),
    ("90", "In 90 days"),
    ("365", "In a year"),
]


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        max_length=100,
        help_text="What it is for, e.g. “Website”, “Accounting sync”.",
        widget=forms.TextInput(attrs={"placeholder": "Website"}),
    )
    read_only = forms.BooleanField(
        required=False,
        label="Read-only",
        help_text="It can read data but every write (POST, PATCH, DELETE) is refused.",
    )
    expires = forms.ChoiceField(choices=EXPIRY_CHOICES, required=False, label="Expires")

    def expires_at(self) -> dt.datetime | None:
        days = self.cleaned_data.get("expires")
        return timezone.now() + dt.timedelta(days=int(days)) if days else None


class RateLimitForm(forms.Form):
    """Requests per minute, within the operator's ceiling (``API_RATE_LIMIT_MAX``)."""

    rate_limit = forms.IntegerField(label="Requests per minute", min_value=1)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from django.conf import settings

        field = self.fields["rate_limit"]
        assert isinstance(field, forms.IntegerField)
        field.max_value = settings.API_RATE_LIMIT_MAX
        field.widget.attrs.update(max=settings.API_RATE_LIMIT_MAX, min=1)
        field.help_text = f"At most {settings.API_RATE_LIMIT_MAX} (the operator's ceiling)."


class ApiAccessForm(forms.Form):
    enabled = forms.TypedChoiceField(
        choices=[("on", "On"), ("off", "Off")], coerce=lambda value: value == "on"
    )
