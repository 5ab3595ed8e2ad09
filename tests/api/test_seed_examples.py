"""The curl examples of the API document (seeds/000), run with curl exactly as written; only
the host and YOUR_TOKEN are replaced, and curl is asked to print the status code."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from crm.models import Client
from tests.api.conftest import warm
from tests.factories import ClientFactory, make_token

pytestmark = pytest.mark.skipif(shutil.which("curl") is None, reason="needs curl")

BASE = "https://jktourcrm.com"

AUTHENTICATE = """curl https://jktourcrm.com/api/v1/me \\
-H "Authorization: Bearer YOUR_TOKEN" \\
-H "Accept: application/json\""""

LIST_CLIENTS = """curl "https://jktourcrm.com/api/v1/clients?per_page=2" \\
-H "Authorization: Bearer YOUR_TOKEN" -H "Accept: application/json\""""

CREATE_A_LEAD = """curl -X POST https://jktourcrm.com/api/v1/clients \\
-H "Authorization: Bearer YOUR_TOKEN" \\
-H "Accept: application/json" -H "Content-Type: application/json" \\
-d '{"name":"New Lead","email":"lead@site.com","phone":"+1...","notes":"From website form"}'"""


@pytest.fixture
def run(transactional_db, live_server, alice):
    issued = make_token(alice)
    warm(issued.token)

    def run(example: str) -> tuple[int, dict]:
        command = example.replace(BASE, live_server.url).replace("YOUR_TOKEN", issued.plaintext)
        result = subprocess.run(
            ["bash", "-c", command + " -s -w '\\n%{http_code}'"],
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        )
        body, _, status = result.stdout.rpartition("\n")
        return int(status), json.loads(body)

    return run


def test_the_authenticate_example_answers_the_account_summary(run, agency):
    status, body = run(AUTHENTICATE)
    assert status == 200
    assert set(body["data"]) == {"user", "agency", "counts"}
    assert body["data"]["agency"]["name"] == "Alpha Tours"


def test_the_list_clients_example_answers_the_documented_shape(run, agency):
    ClientFactory.create_batch(17, agency=agency)
    ClientFactory(
        agency=agency,
        name="Aisha Khan",
        email="aisha@example.com",
        phone="+44...",
        country="United Kingdom",
        status="active",
        tags=["honeymoon"],
    )
    status, body = run(LIST_CLIENTS)
    assert status == 200
    assert body["meta"] == {"current_page": 1, "last_page": 9, "per_page": 2, "total": 18}
    first = body["data"][0]
    documented = {
        "name": "Aisha Khan",
        "email": "aisha@example.com",
        "phone": "+44...",
        "country": "United Kingdom",
        "status": "active",
        "tags": ["honeymoon"],
    }
    assert {key: first[key] for key in documented} == documented
    assert {"id", "created_at"} <= set(first)


def test_the_create_a_lead_example_answers_201_with_the_new_client(run, agency):
    status, body = run(CREATE_A_LEAD)
    assert status == 201
    lead = Client.objects.get(pk=body["data"]["id"])
    assert (lead.agency, lead.name, lead.email, lead.phone, lead.notes) == (
        agency,
        "New Lead",
        "lead@site.com",
        "+1...",
        "From website form",
    )
    assert (lead.status, lead.source) == ("lead", "api")
