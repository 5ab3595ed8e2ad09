"""Two-factor sign-in and the Security page, mounted at /accounts/ (from ``accounts.urls``).

``two-factor/verify/`` and ``two-factor/setup/`` stay reachable for a session that still has to
pass or set up its second factor (``accounts.middleware.TwoFactorMiddleware``); the
``security/`` pages do not."""

from django.urls import path

from accounts import two_factor_views as views

urlpatterns = [
    path("two-factor/verify/", views.verify, name="two_factor_verify"),
    path("two-factor/setup/", views.setup, name="two_factor_setup"),
    path("security/", views.security, name="security"),
    path("security/disable/", views.disable, name="two_factor_disable"),
    path("security/recovery-codes/", views.recovery_codes, name="two_factor_recovery_codes"),
    path("security/agency/", views.agency_switch, name="two_factor_agency"),
]
