"""Settings → Branding (owners and admins), and the public URL of an agency's logo."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from accounts import branding
from accounts.tenancy import AgencyRequest, agency_admin_required
from core.views import add_service_errors

YEAR = 365 * 24 * 3600


class BrandingForm(forms.Form):
    primary_color = forms.CharField(
        label="Main colour",
        widget=forms.TextInput(attrs={"type": "color"}),
        help_text="The band at the top of the client's page and of PDFs, under white text.",
    )
    accent_color = forms.CharField(
        label="Accent colour",
        widget=forms.TextInput(attrs={"type": "color"}),
        help_text="Headings and prices, on white.",
    )
    address = forms.CharField(
        label="Address", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    phone = forms.CharField(label="Phone", required=False, max_length=50)
    website = forms.CharField(label="Website", required=False, max_length=200)
    email_signature = forms.CharField(
        label="Email signature",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Ends the emails clients receive (proposals).",
    )


class LogoForm(forms.Form):
    logo = forms.FileField(
        label="Logo",
        help_text=f"PNG, JPEG or WebP, at most {branding.LOGO_MAX_BYTES // 1024} KB.",
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
    )


@agency_admin_required
def branding_settings(request: AgencyRequest) -> HttpResponse:
    """The colours and contact details form, the logo upload, and a preview."""
    agency = request.agency
    current = branding.letterhead(agency)
    initial = {
        "primary_color": current.primary_color,
        "accent_color": current.accent_color,
        "address": current.address,
        "phone": current.phone,
        "website": current.website,
        "email_signature": current.email_signature,
    }
    action = request.POST.get("action") if request.method == "POST" else None
    form = BrandingForm(request.POST if action == "details" else None, initial=initial)
    logo_form = LogoForm(request.POST if action == "logo" else None, request.FILES or None)
    status = 200
    try:
        if action == "details" and form.is_valid():
            branding.branding_update(agency=agency, updated_by=request.user, **form.cleaned_data)
            messages.success(request, "Branding saved.")
            return HttpResponseRedirect(reverse("branding_settings"))
        if action == "logo" and logo_form.is_valid():
            upload = logo_form.cleaned_data["logo"]
            if upload.size > branding.LOGO_MAX_BYTES:
                raise ValidationError({"logo": [f"At most {branding.LOGO_MAX_BYTES // 1024} KB."]})
            branding.branding_logo_set(
                agency=agency, updated_by=request.user, content=upload.read()
            )
            messages.success(request, "Logo uploaded.")
            return HttpResponseRedirect(reverse("branding_settings"))
        if action == "remove_logo":
            branding.branding_logo_set(agency=agency, updated_by=request.user, content=None)
            messages.success(request, "Logo removed.")
            return HttpResponseRedirect(reverse("branding_settings"))
    except ValidationError as exc:
        add_service_errors(logo_form if action == "logo" else form, exc)
    if form.errors or logo_form.errors:
        status = 422
    return render(
        request,
        "accounts/branding.html",
        {"form": form, "logo_form": logo_form, "letterhead": current},
        status=status,
    )


@require_safe
def agency_logo(request: HttpRequest, agency_id: int, digest: str) -> HttpResponse:
    """An agency's logo, public (the client's page and emails show it without a sign-in):
    the URL names the hash of the bytes, so it is cached for a year and a guess is a 404."""
    found = branding.logo_for_url(agency_id=agency_id, digest=digest)
    if found is None:
        raise Http404
    response = HttpResponse(bytes(found.logo or b""), content_type=found.logo_type)
    response["Cache-Control"] = f"public, max-age={YEAR}, immutable"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
