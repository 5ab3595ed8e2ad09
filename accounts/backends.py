from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest

from accounts import login_throttle


class UsernameOrEmailBackend(ModelBackend):
    """Agents sign in with either their username or their email address."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> Any:
        user_model = get_user_model()
        if username is None:
            username = kwargs.get(user_model.USERNAME_FIELD)
        if not username or password is None:
            return None
        if login_throttle.is_locked_out(username, request):
            if request is not None:
                request.login_throttled = True  # type: ignore[attr-defined]  # the sign-in page says why
            return None
        users = user_model._default_manager
        user = (
            users.filter(username=username).first() or users.filter(email__iexact=username).first()
        )
        if user is None:
            # Run the hasher anyway so a missing user costs the same time as a wrong password.
            user_model().set_password(password)
        elif user.check_password(password) and self.user_can_authenticate(user):
            login_throttle.record_success(username, request)
            return user
        login_throttle.record_failure(username, request)
        return None
