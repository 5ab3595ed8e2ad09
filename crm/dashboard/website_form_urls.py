"""Dashboard pages: Settings → Website forms, mounted at ``/settings/forms/``."""

from django.urls import path

from crm.dashboard.views import website_forms as views

app_name = "form_settings"
urlpatterns = [
    path("", views.form_list, name="list"),
    path("new/", views.form_create, name="create"),
    path("<int:form_id>/", views.form_detail, name="detail"),
    path("<int:form_id>/edit/", views.form_edit, name="edit"),
    path("<int:form_id>/regenerate-key/", views.form_regenerate_key, name="regenerate_key"),
    path("<int:form_id>/delete/", views.form_delete, name="delete"),
]
