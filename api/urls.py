"""``/api/``: version 1 without trailing slashes, and a JSON 404 for every other path."""

from django.urls import include, path, re_path
from rest_framework.routers import Route, SimpleRouter

from api.v1 import (
    auth,
    bookings,
    clients,
    commission,
    docs,
    enquiries,
    imports,
    invoices,
    itineraries,
    itinerary_templates,
    library_items,
    lookups,
    me,
    payments,
    proposals,
    reports,
    suppliers,
    tasks,
    tokens,
    travellers,
    webhooks,
)

app_name = "api"

router = SimpleRouter(trailing_slash=False)
router.register("clients", clients.ClientViewSet, basename="client")
router.register("itineraries", itineraries.ItineraryViewSet, basename="itinerary")
router.register(
    "itinerary-templates",
    itinerary_templates.ItineraryTemplateViewSet,
    basename="itinerary-template",
)
router.register("library-items", library_items.LibraryItemViewSet, basename="library-item")
router.register("proposals", proposals.ProposalViewSet, basename="proposal")
router.register("bookings", bookings.BookingViewSet, basename="booking")
router.register("tasks", tasks.TaskViewSet, basename="task")
router.register("enquiries", enquiries.EnquiryViewSet, basename="enquiry")
router.register("webhooks", webhooks.WebhookViewSet, basename="webhook")
router.register(
    r"bookings/(?P<booking_id>[0-9]{1,18})/payments",
    payments.PaymentViewSet,
    basename="booking-payment",
)
router.register(
    r"clients/(?P<client_id>[0-9]{1,18})/travellers",
    travellers.TravellerViewSet,
    basename="client-traveller",
)
router.register("suppliers", suppliers.SupplierViewSet, basename="supplier")
router.register(
    "commission-receipts", commission.CommissionReceiptViewSet, basename="commission-receipt"
)

# Issued documents are never edited nor deleted: their list and detail routes are GET only
# (their actions keep their own methods), and a booking's own list is list-and-issue only.
documents_router = SimpleRouter(trailing_slash=False)
documents_router.routes = [
    route._replace(mapping={"get": route.mapping["get"]}) if isinstance(route, Route) else route
    for route in SimpleRouter.routes
]
documents_router.register("invoices", invoices.InvoiceViewSet, basename="invoice")
documents_router.register("receipts", invoices.ReceiptViewSet, basename="receipt")
booking_documents_router = SimpleRouter(trailing_slash=False)
booking_documents_router.routes = [
    route
    for route in SimpleRouter.routes
    if isinstance(route, Route) and route.mapping.get("get") == "list"
]
booking_documents_router.register(
    r"bookings/(?P<booking_id>[0-9]{1,18})/invoices",
    invoices.BookingInvoiceViewSet,
    basename="booking-invoice",
)
booking_documents_router.register(
    r"bookings/(?P<booking_id>[0-9]{1,18})/receipts",
    invoices.BookingReceiptViewSet,
    basename="booking-receipt",
)
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
    path("reports/monthly", reports.MonthlyReportView.as_view(), name="report-monthly"),
    path(
        "reports/commission-outstanding",
        reports.CommissionReportView.as_view(),
        name="report-commission-outstanding",
    ),
    path(
        "reports/payments-due",
        reports.PaymentsDueViewSet.as_view({"get": "list"}),
        name="report-payments-due",
    ),
    path(
        "reports/overdue-instalments",
        reports.OverdueInstalmentsViewSet.as_view({"get": "list"}),
        name="report-overdue-instalments",
    ),
    path("schema", docs.SchemaView.as_view(), name="schema"),
    path("docs", docs.DocsView.as_view(url_name="api:schema"), name="docs"),
    *router.urls,
    *documents_router.urls,
    *booking_documents_router.urls,
]

urlpatterns = [
    path("v1/", include(v1)),
    # [\s\S] rather than ".": a path with a newline in it is still an unknown path.
    re_path(r"^[\s\S]*$", docs.NotFoundView.as_view(), name="not-found"),
]
