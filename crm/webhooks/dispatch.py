"""Sending webhooks: signed HTTP requests to one endpoint at a time (the engine)."""

from __future__ import annotations


def drain(*, webhook_id: int) -> int:
    raise NotImplementedError  # the engine: see the webhooks issue (#14)
