"""On PostgreSQL: enquiries arriving at the same moment to a round-robin form each take their
own turn (the pointer moves under the form's row lock), so no agent gets two while another
waits."""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from django.db import connection

from accounts.models import Role
from crm.enquiries.models import Assignment, Enquiry, EnquiryForm
from crm.enquiries.services import enquiry_submit
from tests.factories import EnquiryFormFactory, UserFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_simultaneous_enquiries_never_take_the_same_turn(agency):
    agents = [
        UserFactory(agency=agency, role=Role.AGENT, username=f"rr{i}", name=f"RR {i}")
        for i in range(3)
    ]
    form = EnquiryFormFactory(agency=agency, assignment=Assignment.ROUND_ROBIN)
    form.rotation.set(agents)
    count = 6
    barrier = threading.Barrier(count)
    errors: list[BaseException] = []

    def submit(n: int) -> None:
        try:
            mine = EnquiryForm.objects.select_related("agency").get(pk=form.pk)
            barrier.wait()
            enquiry_submit(
                form=mine,
                data={"name": f"Racer {n}", "email": f"racer{n}@example.com"},
                visitor=f"racer{n}",
            )
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    turns = Counter(Enquiry.objects.values_list("assigned_to_id", flat=True))
    assert turns == {agent.pk: 2 for agent in agents}
    # In arrival order the rotation is exact: each enquiry went to the next agent.
    order = list(Enquiry.objects.order_by("id").values_list("assigned_to_id", flat=True))
    ids = [agent.pk for agent in agents]
    assert order == [ids[n % 3] for n in range(count)]
