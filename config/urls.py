from django.contrib import admin
from django.urls import include, path

from accounts.branding_views import agency_logo, branding_settings
from config.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/", include("api.urls")),
    path("forms/", include("crm.public.form_urls")),
    path("accounts/", include("accounts.urls")),
    path("settings/forms/", include("crm.dashboard.website_form_urls")),
    path("settings/webhooks/", include("crm.dashboard.webhook_urls")),
    path("settings/branding/", branding_settings, name="branding_settings"),
    path("brand/<int:agency_id>/<str:digest>", agency_logo, name="agency_logo"),
    path("", include("crm.public.urls")),
    path("", include("crm.dashboard.urls")),
]

handler400 = "config.errors.bad_request"
handler403 = "config.errors.permission_denied"
handler404 = "config.errors.page_not_found"
handler500 = "config.errors.server_error"
