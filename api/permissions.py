"""Permissions (kept free of rest_framework.views imports: DRF loads them from settings)."""

from __future__ import annotations

from typing import Any

from rest_framework import exceptions
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request

from accounts.api_access import API_DISABLED
from accounts.models import ApiToken

AUTHENTICATION_REQUIRED = "Authentication required: send 'Authorization: Bearer <token>'."


class TokenPermission(BasePermission):
    """A valid token is required; a read-only token may only read."""

    def has_permission(self, request: Request, view: Any) -> bool:
        token = request.auth
        if not isinstance(token, ApiToken):
            raise exceptions.NotAuthenticated(AUTHENTICATION_REQUIRED)
        agency = token.user.agency
        if agency is not None and not agency.api_enabled:
            raise exceptions.PermissionDenied(API_DISABLED)
        if token.read_only and getattr(view, "read_only_tokens_may_post", False):
            return True
        if token.read_only and request.method not in SAFE_METHODS:
            raise exceptions.PermissionDenied("This token is read-only.")
        return True
