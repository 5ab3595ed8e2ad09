"""Sign-up, invitations, the team page, API tokens and the Developer API page.

Sign-in, sign-out and password reset are Django's own views (see ``accounts/urls.py``). The
dashboard pages here go through the same tenant boundary as every other dashboard page
(``accounts.tenancy.agency_required``).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts import selectors, services, two_factor, two_factor_views
from accounts import signup as signup_service
from accounts.forms import (
    AcceptInvitationForm,
    ApiTokenForm,
    ChoosePasswordForm,
    InviteForm,
    MemberForm,
    SignInForm,
    SignUpForm,
)
from accounts.history import describe
from accounts.integrations_views import with_usage
from accounts.models import Agency, Invitation, Role, User
from accounts.tenancy import AgencyRequest, agency_admin_required, agency_required, get_or_404
from accounts.visibility import agency_visibility_set
from core.http import client_ip
from core.views import add_service_errors, run_service

AUTH_BACKEND = "accounts.backends.UsernameOrEmailBackend"


class SignInView(LoginView):
    """The password step. A user with a second factor is not signed in here: the code is
    asked for on the next page (``accounts.two_factor_views.verify``)."""

    form_class = SignInForm
    redirect_authenticated_user = True

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        user = form.get_user()
        if two_factor.is_enabled(user):
            return two_factor_views.start_second_step(
                self.request, user, next_url=self.get_redirect_url()
            )
        return super().form_valid(form)


def signup(request: HttpRequest) -> HttpResponse:
    """Step one of a new agency: the emailed link (accounts.signup) does the rest. The answer
    is the same "check your inbox" whether or not the address has an account."""
    if request.user.is_authenticated and request.user.agency_id:
        return redirect("home")
    form = SignUpForm(request.POST or None)

    def request_link() -> None:
        data = form.cleaned_data
        ip = client_ip(request)
        signup_service.signup_request(
            email=data["email"],
            agency_name=data["agency_name"],
            default_currency=data["default_currency"],
            name=data["name"],
            confirm_url=request.build_absolute_uri(
                reverse("signup_confirm", args=["TOKEN"])
            ).replace("TOKEN", "{token}"),
            sign_in_url=request.build_absolute_uri(reverse("login")),
            reset_url=request.build_absolute_uri(reverse("password_reset")),
            sender=f"ip:{ip}" if ip else None,
        )

    done = run_service(
        request, form, request_link, success=None, redirect_to=lambda _: reverse("signup_sent")
    )
    return done or render(request, "registration/signup.html", {"form": form})


def _home(_user: User | None = None) -> str:
    return reverse("home")


def signup_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "registration/signup_sent.html")


@never_cache
def signup_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The emailed link: the address is proven; choose a password and the agency exists."""
    try:
        pending = signup_service.signup_read(token=token)
    except signup_service.SignupLinkInvalid:
        return render(request, "registration/signup_invalid.html", status=404)
    form = ChoosePasswordForm(request.POST or None, invited_email=pending.email)

    def complete() -> User:
        try:
            _agency, owner = signup_service.signup_complete(
                token=token, password=form.cleaned_data["password1"]
            )
        except signup_service.SignupLinkInvalid as exc:
            raise ValidationError("This link was used already: sign in instead.") from exc
        login(request, owner, backend=AUTH_BACKEND)
        return owner

    def welcome(owner: User) -> str:
        return f"Welcome to Itinera, {owner.display_name}!"

    done = run_service(request, form, complete, success=welcome, redirect_to=_home)
    return done or render(
        request, "registration/signup_confirm.html", {"form": form, "pending": pending}
    )


@never_cache
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    try:
        invitation = selectors.invitation_get_by_token(token=token)
    except Invitation.DoesNotExist:
        return render(request, "registration/invitation_invalid.html", status=404)
    form = AcceptInvitationForm(request.POST or None, invited_email=invitation.email)

    def accept() -> User:
        data = form.cleaned_data
        user = services.invitation_accept(
            invitation=invitation,
            username=data["username"],
            password=data["password1"],
            name=data["name"],
        )
        login(request, user, backend=AUTH_BACKEND)
        return user

    welcome = f"Welcome to {invitation.agency.name}!"
    done = run_service(request, form, accept, success=welcome, redirect_to=_home)
    return done or render(
        request, "registration/invitation_accept.html", {"form": form, "invitation": invitation}
    )


# Settings → Team ---------------------------------------------------------------------------


def _invitation_link(request: HttpRequest, invitation: Invitation) -> str:
    return request.build_absolute_uri(reverse("invitation_accept", args=[invitation.token]))


def _render_team(request: AgencyRequest, invite_form: InviteForm | None = None) -> HttpResponse:
    """Pending invitations are listed without their links: the link reaches the invitee by
    email only, which is what makes following it a proof of the address."""
    agency = request.agency
    can_manage = request.user.is_agency_admin
    invitations = []
    if can_manage:
        invitations = [
            inv for inv in selectors.invitation_list(agency=agency) if inv.accepted_at is None
        ]
    return render(
        request,
        "accounts/team.html",
        {
            "members": selectors.agency_members(agency=agency),
            "invitations": invitations,
            "invite_form": invite_form or InviteForm(acting=request.user),
            "can_manage": can_manage,
            "is_owner": request.user.role == Role.OWNER,
            "own_clients_only": Agency.objects.filter(pk=agency.pk)
            .values_list("agents_see_own_clients", flat=True)
            .first(),
            "team_history": [
                {"at": activity.created_at, "summary": describe(activity)}
                for activity in (selectors.team_history(agency=agency) if can_manage else [])
            ],
        },
    )


@agency_required
def team(request: AgencyRequest) -> HttpResponse:
    """Everyone sees who is on the team; only owners and admins manage it."""
    return _render_team(request)


@require_POST
@agency_admin_required
def visibility_update(request: AgencyRequest) -> HttpResponse:
    """Settings → Team → Who sees what: agents see only their own clients, or all."""
    own_only = request.POST.get("agents_see_own_clients") == "1"
    agency_visibility_set(
        agency=request.agency, actor=request.user, agents_see_own_clients=own_only
    )
    messages.success(
        request,
        "Agents now see only their own clients." if own_only else "Agents now see every client.",
    )
    return redirect(reverse("team"))


@require_POST
@agency_admin_required
def invitation_create(request: AgencyRequest) -> HttpResponse:
    form = InviteForm(request.POST, acting=request.user)

    def invite() -> Invitation:
        return services.invitation_invite(
            agency=request.agency,
            email=form.cleaned_data["email"],
            role=form.cleaned_data["role"],
            invited_by=request.user,
            link_for=lambda invitation: _invitation_link(request, invitation),
        )

    done = run_service(
        request,
        form,
        invite,
        success=lambda invitation: f"Invitation sent to {invitation.email}.",
        redirect_to=lambda _invitation: reverse("team"),
    )
    return done or _render_team(request, invite_form=form)


@require_POST
@agency_admin_required
def invitation_revoke(request: AgencyRequest, invitation_id: int) -> HttpResponse:
    invitation = get_or_404(
        selectors.invitation_get, agency=request.agency, invitation_id=invitation_id
    )
    services.invitation_revoke(invitation=invitation, actor=request.user)
    messages.success(request, f"The invitation for {invitation.email} was revoked.")
    return redirect("team")


@require_POST
@agency_admin_required
def member_update(request: AgencyRequest, user_id: int) -> HttpResponse:
    member = get_or_404(selectors.agency_member_get, agency=request.agency, user_id=user_id)
    form = MemberForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose a role or an access level.")
        return redirect("team")
    try:
        services.member_update(
            member=member,
            acting=request.user,
            role=form.cleaned_data.get("role") or None,
            is_active=form.cleaned_data.get("is_active"),
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"{member.display_name} was updated.")
    return redirect("team")


# Settings → API tokens ---------------------------------------------------------------------


def _render_tokens(
    request: AgencyRequest, form: ApiTokenForm, issued: services.IssuedToken | None = None
) -> HttpResponse:
    tokens = list(selectors.api_token_list(user=request.user))
    response = render(
        request,
        "accounts/api_tokens.html",
        {
            "form": form,
            "tokens": with_usage(tokens),
            "issued": issued,
            "api_base": request.build_absolute_uri("/api/v1"),
        },
    )
    if issued is not None:
        # The plaintext is in this response only: never cache it, never store it.
        response["Cache-Control"] = "no-store"
    return response


@agency_required
def api_tokens(request: AgencyRequest) -> HttpResponse:
    """Create (shown once, in the answer to the POST itself), list and revoke."""
    if request.method != "POST":
        return _render_tokens(request, ApiTokenForm())
    form = ApiTokenForm(request.POST)
    if form.is_valid():
        try:
            issued = services.api_token_create(
                user=request.user,
                name=form.cleaned_data["name"],
                read_only=form.cleaned_data["read_only"],
                expires_at=form.expires_at(),
            )
        except ValidationError as exc:
            add_service_errors(form, exc, aliases={"expires_at": "expires"})
        else:
            return _render_tokens(request, ApiTokenForm(), issued=issued)
    return _render_tokens(request, form)


@require_POST
@agency_required
def api_token_revoke(request: AgencyRequest, token_id: int) -> HttpResponse:
    token = get_or_404(selectors.api_token_get, user=request.user, token_id=token_id)
    services.api_token_revoke(token=token)
    messages.success(request, f"“{token.name}” was revoked; the API now refuses it.")
    return redirect("api_tokens")


@agency_required
def developer(request: AgencyRequest) -> HttpResponse:
    """The base URL and curl examples built from the host this page was requested on."""
    base = request.build_absolute_uri("/api/v1")
    return render(
        request,
        "accounts/developer.html",
        {
            "api_base": base,
            "docs_url": request.build_absolute_uri("/api/v1/docs"),
            "schema_url": request.build_absolute_uri("/api/v1/schema"),
            "has_token": selectors.api_token_list(user=request.user).exists(),
        },
    )
