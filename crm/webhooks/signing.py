"""Standard Webhooks signatures (https://www.standardwebhooks.com): the headers that let an
integrator check, with an off-the-shelf library, that a delivery is ours and unaltered.

``webhook-signature`` holds one ``v1,<base64 HMAC-SHA256>`` per signing secret, separated by
spaces: during a rotation's overlap both the new and the previous secret sign, so a receiver
holding either accepts the delivery.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from standardwebhooks import Webhook

USER_AGENT = "Itinera-Webhooks/1.0"


def signature_headers(
    *, message_id: str, body: str, secrets: Sequence[str], timestamp: dt.datetime
) -> dict[str, str]:
    """The headers of one attempt: id, timestamp (whole seconds) and every signature."""
    signatures = " ".join(Webhook(secret).sign(message_id, timestamp, body) for secret in secrets)
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(int(timestamp.timestamp())),
        "webhook-signature": signatures,
        "content-type": "application/json",
        "user-agent": USER_AGENT,
    }
