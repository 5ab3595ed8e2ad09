"""Requests our server makes to addresses its users chose (webhook endpoints): the SSRF guard.

A URL people type makes Itinera send requests, so every target is checked twice: when it is
registered (:func:`check_url`, a clear message for the form or the 422) and again at every
delivery (:func:`post`), because DNS can change between the two. A target is refused when any
address its host resolves to is loopback, private, link-local, multicast, reserved,
unspecified or otherwise not globally reachable, IPv4 and IPv6 alike, ``::ffff:``-mapped and
other embedded IPv4 forms included. Redirects are never followed.

``post`` connects to the exact address it approved (the host name still goes in the TLS SNI,
the certificate check and the ``Host`` header), so a name that resolves to a public address
for the check and to 127.0.0.1 a moment later cannot reach us.

``allow_private=True`` (the ``WEBHOOK_ALLOW_PRIVATE_TARGETS`` setting, for on-premises installs)
lets private and loopback targets through; it is off by default.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import urllib3

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

MAX_URL_LENGTH = 2000
# Host names that mean "this machine" wherever they are resolved.
LOCAL_NAMES = ("localhost", "localhost.localdomain")


class UnsafeTarget(ValueError):
    """The URL may not be requested; ``str()`` says why in words for the person who typed it."""


@dataclass(frozen=True)
class Target:
    """A checked URL: its parts, and the addresses its host resolved to (all allowed)."""

    url: str
    scheme: str
    host: str  # IDNA-encoded, lower case, no brackets
    port: int
    path: str  # path and query, as sent in the request line
    addresses: tuple[IPAddress, ...]


def is_local_name(host: str) -> bool:
    """``localhost``, ``*.localhost``, and the loopback literals: what a developer types for a
    receiver on their own machine."""
    host = host.lower().rstrip(".")
    if host in LOCAL_NAMES or host.endswith(".localhost"):
        return True
    try:
        return _embedded_ipv4(ipaddress.ip_address(host)).is_loopback
    except ValueError:
        return False


def _embedded_ipv4(address: IPAddress) -> IPAddress:
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
    if address in ipaddress.IPv6Network("64:ff9b::/96"):
        return ipaddress.IPv4Address(packed[12:])  # NAT64
    return address


def address_refusal(address: IPAddress) -> str | None:
    """Why this address may not be a target (None: it may)."""
    inner = _embedded_ipv4(address)
    for candidate in {address, inner}:
        if candidate.is_loopback:
            return "a loopback address"
        if candidate.is_unspecified:
            return "an unspecified address"
        if candidate.is_link_local:
            return "a link-local address"
        if candidate.is_multicast:
            return "a multicast address"
        if candidate.is_private:
            return "a private address"
        if candidate.is_reserved:
            return "a reserved address"
        if not candidate.is_global:
            return "an address that is not on the public internet"
    return None


def _parse(url: str) -> tuple[str, str, int, str]:
    url = (url or "").strip()
    if not url:
        raise UnsafeTarget("Enter the URL of your endpoint.")
    if len(url) > MAX_URL_LENGTH:
        raise UnsafeTarget(f"The URL is longer than {MAX_URL_LENGTH} characters.")
    if any(ord(char) < 33 or ord(char) == 127 for char in url):
        raise UnsafeTarget("The URL may not contain spaces or control characters.")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UnsafeTarget("Enter a full URL, like https://example.com/webhooks/itinera.")
    if parts.username is not None or parts.password is not None:
        raise UnsafeTarget("Put no user name or password in the URL.")
    if parts.fragment:
        raise UnsafeTarget("The URL may not have a #fragment.")
    try:
        host = parts.hostname.rstrip(".").encode("idna").decode("ascii").lower()
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except (UnicodeError, ValueError):
        raise UnsafeTarget("The URL's host name or port is not valid.") from None
    if not host:
        raise UnsafeTarget("The URL's host name is not valid.")
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    return parts.scheme, host, port, path


def resolve(host: str, port: int) -> tuple[IPAddress, ...]:
    """Every address ``host`` resolves to (a literal is itself); UnsafeTarget when none."""
    try:
        return (ipaddress.ip_address(host),)
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        raise UnsafeTarget(f"The host name {host} could not be found.") from None
    addresses: list[IPAddress] = []
    for info in infos:
        # Drop an IPv6 zone ("fe80::1%eth0"): the address itself is what is judged.
        literal = str(info[4][0]).split("%", 1)[0]
        address = ipaddress.ip_address(literal)
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise UnsafeTarget(f"The host name {host} could not be found.")
    return tuple(addresses)


def check_url(url: str, *, allow_private: bool = False, allow_local_http: bool = False) -> Target:
    """Parse, resolve and judge ``url``; UnsafeTarget (with the reason in words) if refused.

    ``allow_local_http`` (the development server): ``http://`` and loopback targets are allowed
    for localhost-style hosts, so a developer can point a webhook at a receiver on their own
    machine. Everything else needs https, and a public address unless ``allow_private``.
    """
    scheme, host, port, path = _parse(url)
    local = allow_local_http and is_local_name(host)
    if scheme != "https" and not local:
        raise UnsafeTarget("Use an https:// URL: webhooks carry your clients' data.")
    addresses = resolve(host, port)
    if not (allow_private or local):
        for address in addresses:
            reason = address_refusal(address)
            if reason is not None:
                shown = host if str(address) == host else f"{host} ({address})"
                raise UnsafeTarget(
                    f"{shown} is {reason}: webhooks can only be sent to the public internet."
                )
    return Target(
        url=url.strip(), scheme=scheme, host=host, port=port, path=path, addresses=addresses
    )


# Sending --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    """What the target answered: its status, the first bytes of its body, how long it took."""

    status: int
    body: str
    duration_ms: int


class SendFailed(Exception):
    """No answer: a timeout, a refused or reset connection, a TLS failure. ``str()`` says
    which, for the delivery log."""


def _host_header(target: Target) -> str:
    host = f"[{target.host}]" if ":" in target.host else target.host
    default = 443 if target.scheme == "https" else 80
    return host if target.port == default else f"{host}:{target.port}"


def post(
    url: str,
    *,
    body: bytes,
    headers: dict[str, str],
    timeout: float,
    allow_private: bool = False,
    allow_local_http: bool = False,
    keep: int = 1000,
) -> Answer:
    """POST ``body`` to ``url`` after judging it again (UnsafeTarget if refused now), to the
    address just approved, never following a redirect; SendFailed when nothing answered.
    ``keep``: how many characters of the answer's body to return."""
    target = check_url(url, allow_private=allow_private, allow_local_http=allow_local_http)
    address = str(target.addresses[0])
    limits = urllib3.Timeout(connect=timeout, read=timeout, total=timeout)
    pool: urllib3.HTTPConnectionPool
    if target.scheme == "https":
        pool = urllib3.HTTPSConnectionPool(
            address,
            target.port,
            timeout=limits,
            retries=False,
            maxsize=1,
            cert_reqs="CERT_REQUIRED",
            server_hostname=target.host,  # SNI, and the name the certificate must carry
            assert_hostname=target.host,
        )
    else:
        pool = urllib3.HTTPConnectionPool(address, target.port, timeout=limits, retries=False)
    started = time.monotonic()
    try:
        response = pool.urlopen(
            "POST",
            target.path,
            body=body,
            headers={**headers, "Host": _host_header(target)},
            redirect=False,
            retries=False,
            preload_content=False,
            assert_same_host=False,
        )
        try:
            raw = response.read(keep * 4)  # at most this much is read, whatever is sent
        finally:
            response.release_conn()
    except urllib3.exceptions.TimeoutError:
        raise SendFailed(f"No answer within {timeout:g} seconds.") from None
    except urllib3.exceptions.SSLError as exc:
        raise SendFailed(f"TLS failed: {exc}"[:300]) from None
    except (urllib3.exceptions.HTTPError, OSError) as exc:
        raise SendFailed(f"Could not connect: {type(exc).__name__}"[:300]) from None
    finally:
        pool.close()
    duration_ms = int((time.monotonic() - started) * 1000)
    text = raw.decode("utf-8", errors="replace")[:keep]
    return Answer(status=response.status, body=text, duration_ms=duration_ms)
