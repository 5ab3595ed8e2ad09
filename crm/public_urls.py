"""Public, unauthenticated endpoints (website enquiry forms)."""

app_name = "public_forms"
urlpatterns: list = []
