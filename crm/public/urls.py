"""The client's proposal link, mounted at the root: ``/p/<token>``."""

from django.urls import path

from crm.public import proposal_views

urlpatterns = [
    path("p/<str:token>", proposal_views.proposal_public, name="proposal_public"),
    path(
        "p/<str:token>/certificate",
        proposal_views.proposal_certificate,
        name="proposal_public_certificate",
    ),
    path("p/<str:token>/seen", proposal_views.proposal_seen, name="proposal_seen"),
    path(
        "p/<str:token>/<slug:document>.pdf", proposal_views.proposal_pdf, name="proposal_public_pdf"
    ),
]
