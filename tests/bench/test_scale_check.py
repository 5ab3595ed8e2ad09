"""The scale drill's verdict (bench/drills/scale_check.py): what it counts as lost, duplicated,
out of range or stuck, from the email files, the ledger and the job rows."""

from __future__ import annotations

from bench.drills import scale_check

MESSAGE = """\
Content-Type: multipart/alternative; boundary="x"
MIME-Version: 1.0
Subject: New website enquiry
X-Itinera-Kind: enquiry_notification
X-Itinera-Email-Id: {id}

Hello. The body may say X-Itinera-Email-Id: 999 in a line of its own text, quoted:
> X-Itinera-Email-Id: 999
-------------------------------------------------------------------------------
"""


def test_each_message_header_in_the_files_is_counted_and_the_body_is_not():
    one_file = MESSAGE.format(id=7) + MESSAGE.format(id=8)  # the backend appends to a file
    found = scale_check.email_ids_in_files([one_file, MESSAGE.format(id=7)])
    assert found == {7: 2, 8: 1}


def test_emails_sent_once_each_pass():
    verdict = scale_check.compare_emails([1, 2, 3], {1: 1, 2: 1, 3: 1})
    assert verdict.ok
    assert (verdict.sent_rows, verdict.files_ids, verdict.messages) == (3, 3, 3)


def test_an_email_delivered_twice_is_a_duplicate():
    verdict = scale_check.compare_emails([1, 2], {1: 1, 2: 2})
    assert not verdict.ok
    assert verdict.duplicated == {2: 2}
    assert verdict.messages == 3


def test_a_sent_row_without_a_file_is_lost_and_a_file_without_a_sent_row_is_unexpected():
    verdict = scale_check.compare_emails([1, 2], {2: 1, 5: 1})
    assert not verdict.ok
    assert verdict.missing == [1]
    assert verdict.unexpected == [5]


def test_an_accepted_id_missing_from_the_database_is_reported():
    assert scale_check.missing_records([3, 1, 2], [1, 2, 4]) == [3]
    assert scale_check.missing_records([1, 2], [2, 1]) == []


def test_counts_outside_the_range_of_accepted_plus_unknown_requests_are_reported():
    expected = {"a@x": (1, 1), "b@x": (1, 2), "c@x": (0, 1), "d@x": (2, 2)}
    got = {"a@x": 1, "b@x": 2, "d@x": 3}  # c: an unknown outcome that did not happen: fine
    assert scale_check.count_mismatches(expected, got) == {"d@x": (2, 2, 3)}
    assert scale_check.count_mismatches({"e@x": (1, 1)}, {}) == {"e@x": (1, 1, 0)}


def test_jobs_left_todo_or_doing_are_stuck_unless_they_are_periodic_ticks():
    rows = [
        (1, "core.mail.deliver", "succeeded"),
        (2, "core.mail.deliver", "doing"),
        (3, "enquiries.notify", "todo"),
        (4, "core.recover_stalled_jobs", "todo"),
        (5, "core.mail.deliver", "failed"),
    ]
    assert scale_check.stuck_jobs(rows, periodic_ids=[4]) == [2, 3]
