"""``/api/``: version 1 without trailing slashes, and a JSON 404 for every other path."""

from django.urls import include, path, re_path
from rest_framework.routers import SimpleRouter

from api.v1 import (
    auth,
    bookings,
    clients,
    docs,
    imports,
    itineraries,
    lookups,
    me,
    payments,
    proposals,
    suppliers,
    tasks,
    tokens,
    webhooks,
)

app_name = "api"

router = SimpleRouter(trailing_slash=False)
router.register("clients", clients.ClientViewSet, basename="client")
router.register("itineraries", itineraries.ItineraryViewSet, basename="itinerary")
router.register("proposals", proposals.ProposalViewSet, basename="proposal")
router.register("bookings", bookings.BookingViewSet, basename="booking")
router.register("tasks", tasks.TaskViewSet, basename="task")
router.register("webhooks", webhooks.WebhookViewSet, basename="webhook")
router.register(
    r"bookings/(?P<booking_id>[0-9]{1,18})/payments",
    payments.PaymentViewSet,
    basename="booking-payment",
)
router.register("suppliers", suppliers.SupplierViewSet, basename="supplier")
router.register("client-imports", imports.ClientImportViewSet, basename="client-import")

v1 = [
    path("me", me.MeView.as_view(), name="me"),
    path("profile", me.MeView.as_view(), name="profile"),  # seed 003's name for /me
    path("auth/token", auth.TokenView.as_view(), name="auth-token"),
    path("auth/logout", auth.LogoutView.as_view(), name="auth-logout"),
    path("tokens/current/usage", tokens.CurrentTokenUsageView.as_view(), name="token-usage"),
    *(
        path(f"lookups/{name}", lookups.lookup_view(name), name=f"lookup-{name}")
        for name in lookups.LOOKUPS
    ),
    path("schema", docs.SchemaView.as_view(), name="schema"),
    path("docs", docs.DocsView.as_view(url_name="api:schema"), name="docs"),
    *router.urls,
]

urlpatterns = [
    path("v1/", include(v1)),
    # [\s\S] rather than ".": a path with a newline in it is still an unknown path.
    re_path(r"^[\s\S]*$", docs.NotFoundView.as_view(), name="not-found"),
]
