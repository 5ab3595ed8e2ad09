"""Real concurrency against a live server: needs PostgreSQL (SQLite cannot run writers in
parallel), so these run in CI and whenever DATABASE_URL points at PostgreSQL."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request

import pytest

from core.models import IdempotencyRecord
from crm.models import Client, Enquiry
from tests.factories import AgencyFactory, EnquiryFormFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

SITE = "https://www.alpha-tours.example"
LEAD = {"name": "Concurrent Carla", "email": "carla@example.com", "message": "Lisbon in May"}


def post_all_at_once(
    url: str, count: int, headers: dict[str, str], *, one_visitor: bool
) -> list[tuple[int, dict, dict]]:
    """``count`` threads post the same JSON body at the same moment; their answers.

    With ``one_visitor=False`` each thread is another browser (User-Agent), so the duplicate
    window cannot merge them: only the Idempotency-Key can.
    """
    body = json.dumps(LEAD).encode()
    barrier = threading.Barrier(count)
    answers: list[tuple[int, dict, dict]] = []
    lock = threading.Lock()

    def send(number: int) -> None:
        browser = "Browser/1.0" if one_visitor else f"Browser/{number}"
        request = urllib.request.Request(
            url,
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json",
                "Origin": SITE,
                "User-Agent": browser,
                **headers,
            },
        )
        barrier.wait()
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                answer = (response.status, json.loads(response.read()), dict(response.headers))
        except urllib.error.HTTPError as error:
            answer = (error.code, json.loads(error.read() or b"{}"), dict(error.headers))
        with lock:
            answers.append(answer)

    threads = [threading.Thread(target=send, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return answers


@pytest.fixture
def form_url(live_server, settings):
    settings.ENQUIRY_RATE_LIMIT_PER_IP = 1_000
    settings.ENQUIRY_RATE_LIMIT_PER_FORM = 1_000
    # Django's test server listens with a backlog of 10: fifty simultaneous connections would
    # overflow it and be reset by the kernel before reaching the application.
    live_server.thread.httpd.socket.listen(128)
    form = EnquiryFormFactory(agency=AgencyFactory(), allowed_origins=[SITE])
    return f"{live_server.url}/forms/{form.public_key}"


def test_fifty_concurrent_identical_submissions_with_one_key_create_one_enquiry(form_url):
    answers = post_all_at_once(
        form_url, 50, {"Idempotency-Key": "one-key-for-fifty"}, one_visitor=False
    )

    assert len(answers) == 50
    assert {status for status, _, _ in answers} == {201}
    assert len({body["data"]["id"] for _, body, _ in answers}) == 1
    replayed = [headers.get("Idempotent-Replayed") for _, _, headers in answers]
    assert replayed.count("true") == 49
    assert Enquiry.objects.count() == 1
    assert Client.objects.count() == 1
    assert IdempotencyRecord.objects.count() == 1


def test_concurrent_identical_submissions_without_a_key_create_one_enquiry(form_url):
    """A storm of double-clicks from one visitor: the duplicate window holds under a race."""
    answers = post_all_at_once(form_url, 20, {}, one_visitor=True)

    assert {status for status, _, _ in answers} == {201}
    assert len({body["data"]["id"] for _, body, _ in answers}) == 1
    assert Enquiry.objects.count() == 1
    assert Client.objects.count() == 1
