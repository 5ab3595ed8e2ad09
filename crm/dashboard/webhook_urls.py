"""Dashboard pages: Settings → Webhooks, mounted at ``/settings/webhooks/``."""

from django.urls import path

from crm.dashboard.views import webhooks as views

app_name = "webhook_settings"
webhook = "<int:webhook_id>/"
urlpatterns = [
    path("", views.webhook_list, name="list"),
    path("new/", views.webhook_create, name="create"),
    path(webhook, views.webhook_detail, name="detail"),
    path(f"{webhook}edit/", views.webhook_edit, name="edit"),
    path(f"{webhook}switch/", views.webhook_switch, name="switch"),
    path(f"{webhook}rotate-secret/", views.webhook_rotate_secret, name="rotate_secret"),
    path(f"{webhook}delete/", views.webhook_delete, name="delete"),
    path(f"{webhook}test/", views.webhook_send_test, name="send_test"),
    path(f"{webhook}deliveries/<int:delivery_id>/", views.delivery_detail, name="delivery"),
    path(
        f"{webhook}deliveries/<int:delivery_id>/replay/",
        views.delivery_replay,
        name="delivery_replay",
    ),
]
