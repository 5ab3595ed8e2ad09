"""Schemathesis hooks for the schema fuzzing (loaded through ``SCHEMATHESIS_HOOKS``).

One rule, and only one, narrows a check: a schema-valid request that names a record which does
not exist. The schema types ``client_id`` as an integer but cannot say which integers are
records of the token's agency, so ``positive_data_acceptance`` would report every 422 "No
client with id 0." as "schema-valid data rejected". This check is ``positive_data_acceptance``
except for answers that are 422s whose every error is such a missing reference (the messages of
``accounts.tenancy.resolve_related`` and its siblings, "This itinerary has no day N." (a day by
its number, its id within the itinerary), and "This itinerary belongs to another
client.": an id that exists, but not for this record). Any other rejection still fails. Path
ids that do not exist answer 404, which the built-in check already expects.

Two more rules of the same kind, each about what no schema can state, and each said in the
schema's description of the fields concerned:
- a webhook's host name, a reference to a DNS record: whether it exists, and whether it points at
  a public address, is the world's state, not the request's ("The host name x.example could not
  be found.");
- an order between two values (an end before its start, a passport expiring before it was
  issued, a month range whose `from` is after its `to` or longer than 36 months) or between a
  value and today (a birth date or a payment in the future): JSON Schema compares a value
  with constants only; so is a relation between an object's values (an import mapping two
  columns to one field). These answers are 422s on purpose: accepting them would store what
  cannot be true;
- what an uploaded file holds: a CSV import's `file` is `format: binary` (its encoding says
  `text/csv`), and no schema validates a file's content, so the bytes schemathesis makes up
  (a NUL, no header line, no byte) are refused as "not a CSV text file" or "empty".
"""

from __future__ import annotations

import json
import re
from typing import Any

import schemathesis
from schemathesis.specs.openapi.checks import positive_data_acceptance

MISSING_REFERENCE = re.compile(
    r"No [\w ]+ with id -?[0-9]+( in this (agency|itinerary)| on this booking)?\."
    # An id of the agency, but not one this record may refer to: the same kind of reference.
    r"|This [\w ]+ belongs to another client\."
    # Ids in a list (``traveller_ids``): any of them not the client's, named.
    r"|Not a traveller of this client: -?[0-9]+(, -?[0-9]+)*\."
    # A day by its number, the id of a day within its itinerary.
    r"|This itinerary has no day -?[0-9]+\."
)


# The webhook URL's host, as core.outbound.check_url reports what DNS said.
UNRESOLVED_HOST = re.compile(
    r"The host name \S+ could not be found\."
    r"|\S+ resolves to [^:]+: webhooks can only be sent to the public internet\."
)
# Orders between values, or a value and today (crm.clients.models.Traveller.clean,
# crm.enquiries.intake, crm.bookings.reports.month_range, a payment or commission received).
ORDER_RULE = re.compile(
    r"The end date cannot be before the start date\."
    r"|The expiry date must be after the issue date\."
    r"|The passport cannot be issued before birth\."
    r"|The issue date cannot be in the future\."
    r"|The date of birth must be in the past\."
    r"|A payment cannot be received in the future\."
    r"|Commission cannot be received in the future\."
    r"|`from` is a month on or before `to`\."
    r"|At most 36 months at a time\."
    # A relation between values no schema states either: an object's values all different
    # (an import's mapping, a field to one column at most).
    r"|Two columns are mapped to \w+\."
)
# A client import's file (crm.clients.imports.import_upload).
FILE_CONTENT = re.compile(
    r"This is not a CSV text file: it holds binary data\."
    r"|The file is empty: its first line names the columns\."
    r"|The submitted file is empty\."  # DRF's FileField: no byte at all
)
RULES = (MISSING_REFERENCE, UNRESOLVED_HOST, ORDER_RULE, FILE_CONTENT)


def only_missing_references(response: Any) -> bool:
    """A 422 whose every error message is a reference to a record (or a host) that does not
    exist, an order between values, or a file's content: what no schema can state."""
    if response.status_code != 422:
        return False
    try:
        errors = json.loads(response.content).get("errors") or {}
    except (ValueError, AttributeError):
        return False
    messages = [message for found in errors.values() for message in found]
    return bool(messages) and all(any(rule.fullmatch(m) for rule in RULES) for m in messages)


@schemathesis.check
def positive_data_acceptance_except_missing_references(ctx: Any, response: Any, case: Any) -> Any:
    if only_missing_references(response):
        return None
    return positive_data_acceptance(ctx, response, case)
