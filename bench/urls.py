"""Bench-only URLs: the ceilings (``bench.ceilings``) beside every production URL.

Mounted only by ``bench.settings``; ``config.urls`` never includes this module.
"""

from django.urls import path

from bench.ceilings import NoAuthClientList, django_clients, raw_clients
from bench.detail_ceilings import raw_booking, raw_itinerary
from bench.stock_drf import ClientPeerViewSet
from config.urls import urlpatterns as production_urlpatterns

urlpatterns = [
    path("bench/raw/clients", raw_clients, name="bench-raw-clients"),
    path("bench/django/clients", django_clients, name="bench-django-clients"),
    path("bench/raw/itineraries/<int:itinerary_id>", raw_itinerary, name="bench-raw-itinerary"),
    path("bench/raw/bookings/<int:booking_id>", raw_booking, name="bench-raw-booking"),
    path(
        "bench/noauth/clients",
        NoAuthClientList.as_view({"get": "list"}),
        name="bench-noauth-clients",
    ),
    path(
        "bench/drf/clients",
        ClientPeerViewSet.as_view({"get": "list"}),
        name="bench-drf-clients",
    ),
    *production_urlpatterns,
]
