from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest

from accounts import login_throttle
from accounts.selectors import user_for_identifier


class UsernameOrEmailBackend(ModelBackend):
    """Agents sign in with either their username or their email address: an identifier with
    "@" is an email and nothing else, one without is a username (``user_for_identifier``)."""

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
        user = user_for_identifier(username)
        if login_throttle.is_locked_out(username, user, request):
            if request is not None:
                request.login_throttled = True  # type: ignore[attr-defined]  # the sign-in page says why
            return None
        if user is None:
            # Run the hasher anyway so a missing user costs the same time as a wrong password.
            user_model().set_password(password)
        elif user.check_password(password) and self.user_can_authenticate(user):
            login_throttle.record_success(user)
            return user
        login_throttle.record_failure(username, user, request)
        return None
