"""Archive, restore and guarded delete for resources with money attached (clients, bookings).

A viewset names its services; the mixin gives it ``POST /<resource>/{id}/archive``,
``POST /<resource>/{id}/restore`` and a ``DELETE`` that answers 403 (with a message pointing to
archiving) when the service refuses an agent's hard delete.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from django.core.exceptions import PermissionDenied
from django.db import models
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from api.base import envelope
from api.exceptions import error_response


class ArchivableMixin:
    """For a ``TenantViewSet`` whose ``delete_service(<resource>=, actor=)`` may refuse."""

    archive_service: ClassVar[Callable[..., models.Model]]
    restore_service: ClassVar[Callable[..., models.Model]]
    resource: ClassVar[str]
    get_object: Callable[[], models.Model]
    represent: Callable[[models.Model], dict[str, Any]]
    delete_service: ClassVar[Callable[..., Any]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for name in ("archive_service", "restore_service"):
            function = cls.__dict__.get(name)
            if function is not None and not isinstance(function, staticmethod):
                setattr(cls, name, staticmethod(function))

    def destroy(self, request: Request, pk: str) -> Response:
        try:
            self.delete_service(**{self.resource: self.get_object()}, actor=request.auth.user)
        except PermissionDenied as exc:
            return error_response(403, str(exc))
        return Response(status=204)

    @extend_schema(request=None)
    @action(detail=True, methods=["post"], url_path="archive", filter_backends=[])
    def archive(self, request: Request, pk: str) -> Response:
        """Hide the record from the lists (`?archived=true` or `only` shows it), keeping
        everything attached; archiving an archived record changes nothing."""
        record = self.archive_service(**{self.resource: self.get_object()}, actor=request.auth.user)
        return envelope(self.represent(record))

    @extend_schema(request=None)
    @action(detail=True, methods=["post"], url_path="restore", filter_backends=[])
    def restore(self, request: Request, pk: str) -> Response:
        """Bring an archived record back into the lists, as it was."""
        record = self.restore_service(**{self.resource: self.get_object()})
        return envelope(self.represent(record))
