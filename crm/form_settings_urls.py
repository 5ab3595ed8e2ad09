"""Dashboard pages: Settings → Website forms."""

urlpatterns: list = []
