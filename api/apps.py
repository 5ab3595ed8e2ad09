from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "REST API"

    def ready(self) -> None:
        # The OpenAPI extensions; the webhook fan-out's event subscriber.
        from api import jobs, schema  # noqa: F401
