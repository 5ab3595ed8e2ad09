"""Phone numbers as keys for finding a client: the E.164 form (``+447700900123``), read with
the ``phonenumbers`` library and the agency's country as the region of a national number.

A number is still stored as typed (lead capture is lenient); ``Client.phone_e164`` is derived
from it on every save and is the indexed column duplicates and website forms match on. An
agency's country is the one its timezone belongs to (the IANA ``zone.tab``): ``Europe/London``
reads ``07700 900123`` as ``+447700900123``; an agency on ``UTC`` only matches numbers given
with their ``+`` country code.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import phonenumbers

E164_MAX_LENGTH = 16  # "+" and at most 15 digits


@lru_cache(maxsize=1)
def _zone_countries() -> dict[str, str]:
    """IANA timezone name → ISO 3166-1 code, from the tzdata package's ``zone.tab``."""
    try:
        text = resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError):  # pragma: no cover - tzdata is installed
        try:
            with open("/usr/share/zoneinfo/zone.tab", encoding="utf-8") as handle:
                text = handle.read()
        except OSError:
            return {}
    countries: dict[str, str] = {}
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) >= 3:
            countries[parts[2]] = parts[0]
    return countries


def region_for_timezone(name: str) -> str | None:
    """The country of an IANA timezone (``Europe/Paris`` → ``FR``); None for ``UTC`` & co."""
    return _zone_countries().get(name or "")


def phone_e164(phone: str, region: str | None = None) -> str:
    """``phone`` in E.164, or "" when it is no possible number (too short, letters, a national
    number without a region to read it in)."""
    phone = (phone or "").strip()
    if not phone:
        return ""
    try:
        number = phonenumbers.parse(phone, region)
    except phonenumbers.NumberParseException:
        return ""
    if not phonenumbers.is_possible_number(number):
        return ""
    formatted = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return formatted if len(formatted) <= E164_MAX_LENGTH else ""
