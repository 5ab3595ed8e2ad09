from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("api.urls")),
    path("forms/", include("crm.public_urls")),
    path("accounts/", include("accounts.urls")),
    path("settings/forms/", include("crm.form_settings_urls")),
    path("", include("crm.urls")),
]
