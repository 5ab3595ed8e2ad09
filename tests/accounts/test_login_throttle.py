import pytest
from django.contrib.auth import authenticate
from django.test import RequestFactory, override_settings

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def attempt(username: str, password: str, ip: str = "203.0.113.7"):
    request = RequestFactory().post("/accounts/login/", REMOTE_ADDR=ip)
    return authenticate(request, username=username, password=password), request


def test_a_user_signs_in_with_username_or_email(alice):
    assert attempt("alice", PASSWORD)[0] == alice
    assert attempt("ALICE@alpha.example", PASSWORD)[0] == alice


@override_settings(LOGIN_FAILURES_PER_IDENTIFIER=3)
def test_too_many_failures_lock_the_account_out_even_with_the_right_password(alice):
    for _ in range(3):
        assert attempt("alice", "wrong")[0] is None
    user, request = attempt("alice", PASSWORD)
    assert user is None
    assert request.login_throttled is True


@override_settings(LOGIN_FAILURES_PER_IDENTIFIER=3)
def test_a_success_before_the_limit_resets_the_count(alice):
    for _ in range(2):
        attempt("alice", "wrong")
    assert attempt("alice", PASSWORD)[0] == alice
    for _ in range(2):
        attempt("alice", "wrong")
    assert attempt("alice", PASSWORD)[0] == alice


@override_settings(LOGIN_FAILURES_PER_IDENTIFIER=100, LOGIN_FAILURES_PER_IP=5)
def test_one_address_guessing_many_accounts_is_locked_out(alice):
    for n in range(5):
        attempt(f"guess{n}", "wrong", ip="198.51.100.9")
    assert attempt("alice", PASSWORD, ip="198.51.100.9")[0] is None
    assert attempt("alice", PASSWORD, ip="198.51.100.10")[0] == alice


@override_settings(LOGIN_FAILURES_PER_IDENTIFIER=2)
def test_the_lockout_counts_an_email_and_its_case_variants_together(alice):
    attempt("Alice@Alpha.Example", "wrong")
    attempt("alice@alpha.example", "wrong")
    assert attempt("ALICE@ALPHA.EXAMPLE", PASSWORD)[0] is None
