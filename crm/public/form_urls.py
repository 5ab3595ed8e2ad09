"""Public, unauthenticated endpoints (website enquiry forms), mounted at ``/forms/``."""

from django.urls import path

from crm.public import enquiry_views as public_views

app_name = "public_forms"
urlpatterns = [
    path("<str:public_key>", public_views.submit, name="submit"),
    path("<str:public_key>/thanks", public_views.thanks, name="thanks"),
]
