"""#13: every email is an outbox row delivered by a job once its transaction commits, sent
exactly once, retried with backoff on failure, and failed (with the error) after the last try."""

from __future__ import annotations

import threading
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings

from core import mail as core_mail
from core.models import OutboundEmail

pytestmark = pytest.mark.django_db


def send(**overrides):
    fields = {"to": "ann@example.com", "subject": "Hi", "body": "Text", "kind": "test"}
    return core_mail.send(**{**fields, **overrides})


def test_a_message_is_queued_in_the_outbox_and_delivered_after_the_commit(delivered):
    with delivered(), transaction.atomic():
        email = send(html_body="<p>Text</p>", reply_to=["agent@alpha.example"], agency=3)
        assert mail.outbox == []  # not inside the request's transaction
        assert OutboundEmail.objects.get().status == "queued"

    [message] = mail.outbox
    email.refresh_from_db()
    assert (email.status, email.attempts, email.agency_id) == ("sent", 1, 3)
    assert email.sent_at is not None
    assert message.to == ["ann@example.com"] and message.reply_to == ["agent@alpha.example"]
    assert message.alternatives[0] == ("<p>Text</p>", "text/html")
    assert message.extra_headers["X-Itinera-Email-Id"] == str(email.pk)


def test_a_rolled_back_transaction_sends_nothing_and_keeps_no_row(delivered):
    with delivered() as callbacks, pytest.raises(RuntimeError), transaction.atomic():
        send()
        raise RuntimeError("the change failed")

    assert callbacks == [] and mail.outbox == []
    assert not OutboundEmail.objects.exists()


def test_running_the_delivery_job_twice_sends_once(delivered):
    with delivered():
        email = send()

    assert core_mail.deliver(email_id=email.pk, agency_id=None) is False
    assert len(mail.outbox) == 1


def test_a_failing_backend_leaves_the_row_queued_with_the_error_for_a_retry(delivered):
    with (
        mock.patch.object(core_mail.EmailMultiAlternatives, "send", side_effect=OSError("down")),
        pytest.raises(OSError),
        delivered(),
    ):
        email = send()

    email.refresh_from_db()
    assert (email.status, email.attempts) == ("queued", 1)
    assert "OSError: down" in email.last_error
    assert core_mail.deliver(email_id=email.pk) is True  # the retry sends it
    email.refresh_from_db()
    assert (email.status, email.attempts, email.last_error) == ("sent", 2, "")
    assert len(mail.outbox) == 1


def test_after_the_last_attempt_the_row_reads_failed_and_keeps_the_error():
    email = OutboundEmail.objects.create(
        recipient="ann@example.com",
        subject="Hi",
        text="t",
        kind="test",
        attempts=core_mail.DELIVERY_ATTEMPTS - 1,
    )
    with (
        mock.patch.object(core_mail.EmailMultiAlternatives, "send", side_effect=OSError("550")),
        pytest.raises(OSError),
    ):
        core_mail.deliver(email_id=email.pk)

    email.refresh_from_db()
    assert (email.status, email.attempts) == ("failed", core_mail.DELIVERY_ATTEMPTS)
    assert "550" in email.last_error and mail.outbox == []


def test_the_delivery_job_retries_with_backoff():
    task = core_mail.deliver.task
    assert task.retry_strategy.max_attempts == core_mail.DELIVERY_ATTEMPTS - 1
    assert task.retry_strategy.exponential_wait == 2


def test_an_idempotency_key_queues_one_message_however_often_it_is_sent(delivered):
    with delivered():
        first = send(idempotency_key="reminder:proposal:7")
        second = send(idempotency_key="reminder:proposal:7", body="other")

    assert first.pk == second.pk and len(mail.outbox) == 1
    assert OutboundEmail.objects.count() == 1


@override_settings(MAIL_LIMIT_PER_RECIPIENT=1, MAIL_LIMIT_PER_AGENCY=3)
def test_a_kind_exempt_from_the_recipient_limit_still_counts_against_the_agency(delivered):
    with delivered():
        for _ in range(3):
            send(to="alice@alpha.example", agency=1, limit_recipient=False)
        with pytest.raises(core_mail.MailLimitReached) as refused:
            send(to="alice@alpha.example", agency=1, limit_recipient=False)

    assert refused.value.scope == "agency"
    assert len(mail.outbox) == 3


def test_every_link_is_made_absolute_on_site_url_whatever_host_built_it(settings):
    settings.SITE_URL = "https://crm.example.com/"
    assert core_mail.absolute("/clients/21/") == "https://crm.example.com/clients/21/"
    assert (
        core_mail.absolute("http://phishing.example/accounts/reset/x/?a=1#b")
        == "https://crm.example.com/accounts/reset/x/?a=1#b"
    )


def test_without_site_url_the_system_check_warns(settings):
    settings.SITE_URL = ""
    assert [m.id for m in core_mail.check_site_url()] == ["itinera.W001"]
    settings.SITE_URL = "https://crm.example.com"
    assert core_mail.check_site_url() == []
    call_command("check")  # a warning, never an error that stops the server


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_workers_racing_for_one_message_send_it_once():
    email = OutboundEmail.objects.create(
        recipient="ann@example.com", subject="s", text="t", kind="t"
    )
    first_holds_the_row, second_is_done = threading.Event(), threading.Event()
    results: dict[str, bool] = {}
    original = core_mail._message

    def held_message(row):
        first_holds_the_row.set()  # the first worker has the row locked...
        second_is_done.wait(timeout=30)  # ...while the second one tries
        return original(row)

    def worker(name: str) -> None:
        try:
            results[name] = core_mail.deliver(email_id=email.pk)
        finally:
            connection.close()

    with mock.patch.object(core_mail, "_message", side_effect=held_message):
        first = threading.Thread(target=worker, args=["first"])
        first.start()
        assert first_holds_the_row.wait(timeout=30)
        worker("second")  # skips the locked row instead of waiting for it
        second_is_done.set()
        first.join(timeout=30)

    assert results == {"first": True, "second": False}
    assert len(mail.outbox) == 1
    email.refresh_from_db()
    assert (email.status, email.attempts) == ("sent", 1)
