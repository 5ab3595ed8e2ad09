import logging

from django.apps import AppConfig
from django.conf import settings

logger = logging.getLogger("config")


class CoreConfig(AppConfig):
    """The ground floor: plumbing every other app uses. It imports no other app of ours."""

    name = "core"

    def ready(self) -> None:
        # Registers the cache's fallback with the Redis breaker before any outage can start.
        # Declares the email delivery job (for the workers) and the SITE_URL check.
        from core import (
            cache,  # noqa: F401
            mail,  # noqa: F401
        )

        # Settings are read before logging exists; what they had to say is said here, once per
        # process (deprecated environment variables, for instance).
        for message in getattr(settings, "CONFIG_WARNINGS", ()):
            logger.warning(message)
