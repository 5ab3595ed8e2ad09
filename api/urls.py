"""``/api/``: version 1 without trailing slashes, and a JSON 404 for every other path."""

from django.urls import include, path, re_path
from rest_framework.routers import SimpleRouter

from api.v1 import bookings, clients, docs, itineraries, me, proposals, suppliers

app_name = "api"

router = SimpleRouter(trailing_slash=False)
router.register("clients", clients.ClientViewSet, basename="client")
router.register("itineraries", itineraries.ItineraryViewSet, basename="itinerary")
router.register("proposals", proposals.ProposalViewSet, basename="proposal")
router.register("bookings", bookings.BookingViewSet, basename="booking")
router.register("suppliers", suppliers.SupplierViewSet, basename="supplier")

v1 = [
    path("me", me.MeView.as_view(), name="me"),
    path("schema", docs.SchemaView.as_view(), name="schema"),
    path("docs", docs.DocsView.as_view(url_name="api:schema"), name="docs"),
    *router.urls,
]

urlpatterns = [
    path("v1/", include(v1)),
    # [\s\S] rather than ".": a path with a newline in it is still an unknown path.
    re_path(r"^[\s\S]*$", docs.NotFoundView.as_view(), name="not-found"),
]
