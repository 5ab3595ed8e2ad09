"""Small typed helpers that read configuration from the environment (12-factor)."""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return default if value is None else value


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), got {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {value!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_int_aliased(
    name: str, default: int, *, deprecated: tuple[str, ...]
) -> tuple[int, list[str]]:
    """``env_int(name)``, still read from its deprecated old names when it is unset; returns
    the value and a warning for each old name found (logged once at startup, core.apps).

    Old names that disagree with each other cannot be reconciled silently: a startup error."""
    found = {old: env_int(old, default) for old in deprecated if os.environ.get(old, "").strip()}
    warnings = []
    if os.environ.get(name, "").strip():
        value = env_int(name, default)
        warnings = [f"{old} is deprecated and ignored: {name} is set." for old in found]
        return value, warnings
    if len(set(found.values())) > 1:
        given = ", ".join(f"{old}={value}" for old, value in found.items())
        raise ImproperlyConfigured(
            f"{given} disagree; they are deprecated names of {name}: set {name} alone."
        )
    warnings = [f"{old} is deprecated: set {name}={value} instead." for old, value in found.items()]
    return (next(iter(found.values())) if found else default), warnings
