from django.apps import AppConfig


class ItineraConfig(AppConfig):
    """The wiring package as an app only so that its system checks (config/checks.py) are
    registered: it has no models, templates or commands."""

    name = "config"
    label = "itinera_config"

    def ready(self) -> None:
        from config import checks  # noqa: F401  (registers the checks)
