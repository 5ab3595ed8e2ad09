"""#12 items 1 and 2: the sign-in lockout counts the account, not the typed text; usernames are
unique ignoring case and never contain "@"; an identifier with "@" is an email, nothing else."""

from __future__ import annotations

import importlib

import pytest
from django.contrib.auth import authenticate
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.test import Client as HttpClient
from django.test import RequestFactory, override_settings

from accounts import selectors, services
from accounts.models import Invitation, User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def attempt(identifier: str, password: str, ip: str = "203.0.113.7"):
    request = RequestFactory().post("/accounts/login/", REMOTE_ADDR=ip)
    return authenticate(request, username=identifier, password=password), request


# Item 1: one counter per account ---------------------------------------------------------


@override_settings(LOGIN_FAILURES_PER_IDENTIFIER=3)
def test_failures_by_email_lock_the_username_out_too(alice):
    for _ in range(3):
        attempt("alice@alpha.example", "wrong")
    user, request = attempt("alice", PASSWORD)
    assert user is None
    assert request.login_throttled is True


@override_settings(LOGIN_FAILURES_PER_IDENTIFIER=3)
def test_failures_by_username_lock_the_email_out_too(alice):
    for _ in range(3):
        attempt("alice", "wrong")
    assert attempt("ALICE@alpha.example", PASSWORD)[0] is None


@override_settings(LOGIN_FAILURES_PER_IDENTIFIER=3)
def test_another_accounts_success_leaves_the_counter_alone(alice, bob):
    for _ in range(3):
        attempt("alice", "wrong")
    assert attempt("bob", PASSWORD)[0] == bob
    assert attempt("Bob@beta.example", PASSWORD)[0] == bob
    assert attempt("alice", PASSWORD)[0] is None


@override_settings(LOGIN_FAILURES_PER_IDENTIFIER=3)
def test_unknown_identifiers_are_counted_by_their_normalised_text(db):
    for variant in ("Ghost@Example.com", " ghost@example.com", "GHOST@EXAMPLE.COM"):
        attempt(variant, "wrong")
    ghost = UserFactory(username="ghosty", email="ghost@example.com")
    # Now it exists, its own counter is fresh: what was typed before it existed is separate.
    assert attempt("ghost@example.com", PASSWORD)[0] == ghost


def test_a_dotless_i_lookalike_of_an_email_does_not_reach_the_account(alice):
    # PostgreSQL's UPPER() folds the dotless i to "I": a case-insensitive lookup matches alice.
    lookalike = "al\u0131ce@alpha.example"
    assert selectors.user_for_identifier(lookalike) is None
    assert attempt(lookalike, PASSWORD)[0] is None
    assert selectors.user_for_identifier("ALICE@alpha.example") == alice


def test_a_second_account_differing_only_in_case_cannot_exist(alice):
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(username="Alice", email="other@example.com")


def test_the_service_refuses_a_username_taken_in_another_case(alice, other_agency):
    with pytest.raises(ValidationError) as raised:
        services.user_create(agency=other_agency, username="ALICE", email="a2@example.com")
    assert "username" in raised.value.message_dict
    assert User.objects.count() == 1


def test_the_username_is_found_whatever_its_case(alice):
    assert attempt("ALICE", PASSWORD)[0] == alice


# The migration that adds the constraint reports clashes ---------------------------------------


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


@pytest.mark.django_db(transaction=True)
def test_the_migration_lists_existing_case_clashes_instead_of_failing_silently(agency):
    try:
        _migrate([("accounts", "0004_agency_require_two_factor")])
        with connection.cursor() as cursor:
            for pk, name in ((901, "Sam"), (902, "sam"), (903, "other")):
                cursor.execute(
                    "INSERT INTO accounts_user (id, password, is_superuser, username, first_name,"
                    " last_name, email, is_staff, is_active, date_joined, name, role)"
                    " VALUES (%s, '', %s, %s, '', '', %s, %s, %s, CURRENT_TIMESTAMP, '', 'agent')",
                    [pk, False, name, f"{pk}@example.com", False, True],
                )
        with pytest.raises(Exception, match=r"(?s)differ only in case.*'Sam'.*'sam'") as raised:
            _migrate([("accounts", "0005_username_case_insensitive")])
        assert "other" not in str(raised.value)
        # SQL, not the model: at 0004 the table lacks the columns later migrations add.
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM accounts_user WHERE id = 902")
        _migrate([("accounts", "0005_username_case_insensitive")])
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
        User.objects.filter(pk__in=[901, 902, 903]).delete()


def test_the_clash_report_groups_names_by_their_lowercase_form():
    migration = importlib.import_module("accounts.migrations.0005_username_case_insensitive")
    clashes = migration.case_clashes(["Sam", "sam", "SAM", "ann", "Bo"])
    assert clashes == [["SAM", "Sam", "sam"]]


# Item 2: "@" means an email ------------------------------------------------------------------


def test_a_username_equal_to_another_users_email_does_not_capture_that_email(alice, other_agency):
    mallory = UserFactory(username="mallory", email="mallory@beta.example", agency=other_agency)
    # A row from before this rule (the forms and services refuse it now).
    User.objects.filter(pk=mallory.pk).update(username="alice@alpha.example")
    assert attempt("alice@alpha.example", PASSWORD)[0] == alice
    assert selectors.user_for_identifier("alice@alpha.example") == alice


def test_the_service_refuses_a_username_with_an_at_sign(agency):
    with pytest.raises(ValidationError) as raised:
        services.user_create(agency=agency, username="bob@beta.example", email="c@example.com")
    assert "username" in raised.value.message_dict


def test_create_agency_refuses_an_owner_username_with_an_at_sign(db):
    with pytest.raises(CommandError, match="@"):
        call_command("create_agency", "Gamma", "--owner", "g@gamma.example", "--email", "g@x.io")
    assert not User.objects.exists()


def test_an_invitation_cannot_be_accepted_with_an_at_sign_username(agency, alice):
    invitation = services.invitation_create(
        agency=agency, email="nina@alpha.example", invited_by=alice
    )
    response = HttpClient().post(
        f"/accounts/invite/{invitation.token}/",
        {
            "name": "Nina",
            "username": "alice@alpha.example",
            "password1": "a-long-unusual-passphrase",
            "password2": "a-long-unusual-passphrase",
        },
    )
    assert response.status_code == 200
    assert "username" in response.context["form"].errors
    assert Invitation.objects.get().accepted_at is None
    assert not User.objects.filter(email="nina@alpha.example").exists()
