from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The ground floor: plumbing every other app uses. It imports no other app of ours."""

    name = "core"
