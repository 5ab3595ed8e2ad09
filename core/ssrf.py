"""What a webhook URL may be (the rules of the SSRF guard, :mod:`core.outbound`): the URL read
strictly, so that no other parser (a browser, urllib3, a proxy) can read a different host from
it, and the addresses judged, IPv4 and IPv6 alike.

- No user name or password, no backslash, no whitespace, control or invisible character, no
  percent sign in the host, no fragment; the host IDNA-mapped before anything is judged (so
  full-width digits and dots are read as the resolver will read them).
- A host that ends in a number is an IPv4 address in any of its legacy spellings (``127.1``,
  ``0x7f.1``, ``2130706433``, ``017700000001``, WHATWG's parser): judged as the address it
  means, then refused unless written as four decimals.
- Ports: any, except the "bad ports" browsers refuse too (the Fetch standard's list: SMTP,
  IRC, SSH...), so a webhook cannot speak HTTP at a mail or chat server.
- Addresses: refused when loopback, private, shared (CGNAT), link-local (cloud metadata),
  multicast, broadcast, reserved, documentation, benchmarking or otherwise not global unicast;
  an IPv6 address carrying an IPv4 one (``::ffff:``-mapped, IPv4-compatible, 6to4, NAT64,
  Teredo) is judged by the IPv4 address inside it. ``allow_private`` (on-premises installs)
  lets loopback, private and shared ranges through, never the unspecified address, link-local,
  multicast, broadcast or reserved ones.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from urllib.parse import quote, urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

MAX_URL_LENGTH = 2000
MAX_HOST_LENGTH = 253
# Host names that mean "this machine" wherever they are resolved (RFC 6761 and /etc/hosts).
LOCAL_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback")
# The Fetch standard's bad ports (https://fetch.spec.whatwg.org/#port-blocking): services that
# are not HTTP, which browsers refuse to send requests to. We refuse them for the same reason.
BAD_PORTS = frozenset(
    (
        *(0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87),
        *(95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143),
        *(161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556),
        *(563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190),
        *(5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080),
    )
)
_LABEL = re.compile(r"^(?!-)[a-z0-9_-]{1,63}(?<!-)$")
_HEX = re.compile(r"^0x[0-9a-f]*$")

# Pasted URLs often carry a space or line break at either end: harmless, and dropped.
ASCII_SPACE = " \t\r\n\f\v"
PUBLIC_ONLY = "webhooks can only be sent to the public internet"


class UnsafeTarget(ValueError):
    """The URL may not be requested; ``str()`` says why in words for the person who typed it."""


# Judging addresses ----------------------------------------------------------------------------

# (network, why it is refused, whether allow_private lets it through). Checked in order, after
# the IPv4 address inside an IPv6 one has been taken out; an IPv6 address outside 2000::/3
# (global unicast) that matches none of these is reserved.
_NETWORKS: tuple[tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, str, bool], ...] = tuple(
    (ipaddress.ip_network(network), reason, private_ok)
    for network, reason, private_ok in (
        ("0.0.0.0/8", "an unspecified address", False),
        ("127.0.0.0/8", "a loopback address", True),
        ("10.0.0.0/8", "a private address", True),
        ("172.16.0.0/12", "a private address", True),
        ("192.168.0.0/16", "a private address", True),
        ("100.64.0.0/10", "a shared (carrier-grade NAT) address", True),
        ("169.254.0.0/16", "a link-local address", False),
        ("192.0.0.0/24", "a reserved address", True),
        ("192.0.2.0/24", "a documentation address", False),
        ("198.51.100.0/24", "a documentation address", False),
        ("203.0.113.0/24", "a documentation address", False),
        ("198.18.0.0/15", "a benchmarking address", True),
        ("192.88.99.0/24", "a reserved address", False),
        ("224.0.0.0/4", "a multicast address", False),
        ("255.255.255.255/32", "a broadcast address", False),
        ("240.0.0.0/4", "a reserved address", False),
        ("::/128", "an unspecified address", False),
        ("::1/128", "a loopback address", True),
        ("fe80::/10", "a link-local address", False),
        ("fec0::/10", "a site-local address", True),
        ("fc00::/7", "a private address", True),
        ("ff00::/8", "a multicast address", False),
        ("64:ff9b:1::/48", "a private address", True),
        ("100::/64", "a reserved address", False),
        ("2001:db8::/32", "a documentation address", False),
        ("3fff::/20", "a documentation address", False),
        ("2001::/23", "a reserved address", False),
    )
)
_GLOBAL_UNICAST = ipaddress.IPv6Network("2000::/3")
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


def embedded_ipv4(address: IPAddress) -> IPAddress:
    """The IPv4 address inside an IPv6 one (``::ffff:a.b.c.d``, ``::a.b.c.d``, 6to4, Teredo,
    NAT64), so the checks judge where the packets really go."""
    if isinstance(address, ipaddress.IPv4Address):
        return address
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    packed = address.packed
    if packed[:12] == bytes(12) and packed[12:] not in (bytes(4), b"\x00\x00\x00\x01"):
        return ipaddress.IPv4Address(packed[12:])  # IPv4-compatible ::a.b.c.d (deprecated)
    if address in _NAT64:
        return ipaddress.IPv4Address(packed[12:])
    return address


def judge(address: IPAddress, *, allow_private: bool) -> str | None:
    for network, reason, private_ok in _NETWORKS:
        if address.version == network.version and address in network:
            return None if (allow_private and private_ok) else reason
    if isinstance(address, ipaddress.IPv6Address) and address not in _GLOBAL_UNICAST:
        return "a reserved address"
    if not address.is_global and not allow_private:  # whatever Python knows that we did not
        return "an address that is not on the public internet"
    return None


def address_refusal(address: IPAddress, *, allow_private: bool = False) -> str | None:
    """Why this address may not be a target (None: it may). An IPv6 address that carries an
    IPv4 one is judged by the IPv4 address first: that is where the packets go."""
    if isinstance(address, ipaddress.IPv6Address) and address.scope_id:
        address = ipaddress.IPv6Address(int(address))  # the zone ("%eth0") changes nothing
    inner = embedded_ipv4(address)
    if inner is address:
        return judge(address, allow_private=allow_private)
    reason = judge(inner, allow_private=allow_private)
    if reason is not None:
        return reason
    assert isinstance(address, ipaddress.IPv6Address)
    if address.ipv4_mapped is not None or address in _NAT64 or address.sixtofour is not None:
        return None  # another spelling of a public IPv4 address
    # IPv4-compatible (deprecated) and Teredo: tunnels nobody should be sending webhooks into.
    return judge(address, allow_private=allow_private) or "a reserved address"


def is_local_name(host: str) -> bool:
    """``localhost``, ``*.localhost``, and the loopback literals: what a developer types for a
    receiver on their own machine."""
    host = host.lower().rstrip(".")
    if host in LOCAL_NAMES or host.endswith(".localhost"):
        return True
    try:
        return embedded_ipv4(ipaddress.ip_address(host.strip("[]"))).is_loopback
    except ValueError:
        return False


# Reading the URL ------------------------------------------------------------------------------


def _legacy_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """The IPv4 address a host means when it ends in a number (WHATWG URL's IPv4 parser: one to
    four parts, each decimal, ``0x`` hexadecimal or ``0``-prefixed octal, the last filling the
    remaining bytes), which is how browsers and ``inet_aton`` read ``127.1`` or ``0x7f000001``.
    None for a host name; UnsafeTarget for a number that is no address."""
    parts = host.split(".")
    last = parts[-1]
    if not (last.isdigit() or _HEX.match(last)):
        return None
    invalid = UnsafeTarget(f"{host} is not a valid IP address.")
    if len(parts) > 4:
        raise invalid
    numbers: list[int] = []
    for part in parts:
        try:
            if _HEX.match(part):
                numbers.append(int(part[2:] or "0", 16))
            elif len(part) > 1 and part.startswith("0"):
                numbers.append(int(part[1:], 8))
            else:
                numbers.append(int(part, 10))
        except ValueError:
            raise invalid from None
    head, tail = numbers[:-1], numbers[-1]
    if any(number > 255 for number in head) or tail >= 256 ** (5 - len(numbers)):
        raise invalid
    value = tail
    for index, number in enumerate(head):
        value += number << (8 * (3 - index))
    return ipaddress.IPv4Address(value)


def _host(raw: str) -> tuple[str, IPAddress | None]:
    """The host as it will be resolved and sent (IDNA, lower case), and the address when the
    host is an IP literal."""
    if raw.startswith("["):
        literal = raw[1:-1]
        if "%" in literal:
            raise UnsafeTarget("The URL's IPv6 address may not name a network interface (%).")
        try:
            return literal.lower(), ipaddress.IPv6Address(literal)
        except ValueError:
            raise UnsafeTarget("The URL's IPv6 address is not valid.") from None
    if "%" in raw:
        raise UnsafeTarget("The URL's host name may not contain a percent sign.")
    try:
        # IDNA maps what people type (upper case, full-width digits and dots, accents) to the
        # ASCII name DNS knows, so every check below reads the host the resolver will see.
        host = raw.encode("idna").decode("ascii").lower().rstrip(".")
    except UnicodeError:
        raise UnsafeTarget("The URL's host name is not valid.") from None
    if not host:
        raise UnsafeTarget("The URL's host name is not valid.")
    address = _legacy_ipv4(host)
    if address is not None:
        return host, address
    if len(host) > MAX_HOST_LENGTH or not all(_LABEL.match(label) for label in host.split(".")):
        raise UnsafeTarget(
            "The URL's host name is not valid: use letters, digits, hyphens and dots."
        )
    return host, None


def parse_url(url: str) -> tuple[str, str, int, str, IPAddress | None]:
    url = (url or "").strip(ASCII_SPACE)
    if not url:
        raise UnsafeTarget("Enter the URL of your endpoint.")
    if len(url) > MAX_URL_LENGTH:
        raise UnsafeTarget(f"The URL is longer than {MAX_URL_LENGTH} characters.")
    if any(char.isspace() or unicodedata.category(char)[0] in "CZ" for char in url):
        raise UnsafeTarget("The URL may not contain spaces or control characters.")
    if "\\" in url:
        # Browsers read a backslash as a slash, Python as part of the host or user name.
        raise UnsafeTarget("The URL may not contain a backslash (\\).")
    example = "Enter a full URL, like https://example.com/webhooks/itinera."
    try:
        parts = urlsplit(url)
        port = parts.port  # ValueError when not a number from 0 to 65535
    except ValueError:
        raise UnsafeTarget("The URL's host name or port is not valid.") from None
    if parts.scheme not in ("http", "https") or not url.lower().startswith(parts.scheme + "://"):
        raise UnsafeTarget(example)
    netloc = parts.netloc
    if "@" in netloc:
        raise UnsafeTarget("Put no user name or password in the URL.")
    if parts.fragment or "#" in url:
        raise UnsafeTarget("The URL may not have a #fragment.")
    bracket = netloc.find("]") + 1 if netloc.startswith("[") else 0
    raw_host = netloc[:bracket] if bracket else netloc.partition(":")[0]
    if not raw_host or not parts.hostname:
        raise UnsafeTarget(example)
    host, literal = _host(raw_host.lower())
    if port is None:
        port = 443 if parts.scheme == "https" else 80
    if port in BAD_PORTS:
        raise UnsafeTarget(
            f"Port {port} is not for web servers: use 443, or another port your server "
            "answers HTTPS on."
        )
    # Anything non-ASCII left in the path or query is percent-encoded, as a browser would.
    path = quote(parts.path or "/", safe="".join(map(chr, range(33, 127))))
    if parts.query:
        path = f"{path}?{quote(parts.query, safe=''.join(map(chr, range(33, 127))))}"
    return parts.scheme, host, port, path, literal
