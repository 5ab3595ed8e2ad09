"""Requests our server makes to addresses its users chose (webhook endpoints): the SSRF guard.

A URL people type makes Itinera send requests, so every target is checked twice: when it is
registered (:func:`check_url`, a clear message for the form or the 422) and again at every
delivery (:func:`post`), because DNS can change between the two. A target is refused when any
address its host resolves to is loopback, private, shared (CGNAT), link-local (cloud metadata),
multicast, broadcast, reserved, documentation, benchmarking or otherwise not global unicast,
IPv4 and IPv6 alike; an IPv6 address carrying an IPv4 one (``::ffff:``-mapped,
IPv4-compatible, 6to4, NAT64, Teredo) is judged by the IPv4 address inside it.

The rules (how the URL is read, which ranges and ports are refused and why) are in
:mod:`core.ssrf`; this module resolves, judges every address, and sends.

``post`` connects to the exact address it approved, with no second name lookup (the host name
still goes in the TLS SNI, the certificate check and the ``Host`` header), never follows a
redirect, gives up after ``timeout`` seconds in all (connecting, sending and reading, however
slowly the other side drips), and reads at most ``keep * 4`` bytes of the answer's body
(without decompressing it).

``allow_private=True`` (the ``WEBHOOK_ALLOW_PRIVATE_TARGETS`` setting, for on-premises
installs) lets loopback, private, shared and other non-public unicast targets through; the
unspecified address, link-local (the cloud metadata service), multicast, broadcast and
reserved ranges stay refused. ``allow_local_http=True`` (``DEBUG``) allows ``http://`` and
loopback for localhost-style hosts only. Both are off by default.
"""

from __future__ import annotations

import errno
import ipaddress
import socket
import ssl
import threading
import time
from dataclasses import dataclass

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection

from core.ssrf import (
    ASCII_SPACE,
    LOCAL_NAMES,
    PUBLIC_ONLY,
    IPAddress,
    UnsafeTarget,
    address_refusal,
    embedded_ipv4,
    is_local_name,
    judge,
    parse_url,
)

__all__ = [
    "Answer",
    "SendFailed",
    "Target",
    "UnsafeTarget",
    "address_refusal",
    "check_url",
    "is_local_name",
    "post",
    "resolve",
]


@dataclass(frozen=True)
class Target:
    """A checked URL: its parts, and the addresses its host resolved to (all allowed)."""

    url: str
    scheme: str
    host: str  # IDNA-encoded, lower case, no brackets, no trailing dot
    port: int
    path: str  # path and query, as sent in the request line (ASCII)
    addresses: tuple[IPAddress, ...]


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
        try:
            address = ipaddress.ip_address(literal)
        except ValueError:
            continue
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
    if not isinstance(url, str):
        raise UnsafeTarget("Enter the URL of your endpoint.")
    scheme, host, port, path, literal = parse_url(url)
    local = allow_local_http and is_local_name(host)
    if scheme != "https" and not local:
        raise UnsafeTarget("Use an https:// URL: webhooks carry your clients' data.")
    if literal is not None:
        if literal.version == 4 and str(literal) != host:
            reason = judge(literal, allow_private=allow_private)
            if reason is not None:
                raise UnsafeTarget(f"{host} means {literal}, {reason}: {PUBLIC_ONLY}.")
            raise UnsafeTarget(f"Write the IP address as four decimal numbers, like {literal}.")
        addresses: tuple[IPAddress, ...] = (literal,)
    elif host in LOCAL_NAMES or host.endswith(".localhost"):
        # "This machine" by definition (RFC 6761): never asked of DNS, which might say otherwise.
        addresses = (ipaddress.IPv4Address("127.0.0.1"),)
    else:
        addresses = resolve(host, port)
    for address in addresses:
        if local:
            reason = None if embedded_ipv4(address).is_loopback else "not this machine"
        else:
            reason = address_refusal(address, allow_private=allow_private)
        if reason is None:
            continue
        if literal is not None:
            raise UnsafeTarget(f"{host} is {reason}: {PUBLIC_ONLY}.")
        # The address a name resolves to is not shown: it would map our network for anyone.
        raise UnsafeTarget(f"{host} resolves to {reason}: {PUBLIC_ONLY}.")
    return Target(
        url=url.strip(ASCII_SPACE),
        scheme=scheme,
        host=host,
        port=port,
        path=path,
        addresses=addresses,
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
    which in words, for the delivery log (never a stack trace or a library's internals)."""


class _Pinned:
    """Connects to the approved address itself (no name lookup) and remembers the socket, so
    the watchdog can cut it when the time is up."""

    pin_address: IPAddress
    pin_timeout: float
    pin_lock: threading.Lock
    pin_fileno: int | None = None
    pin_was_cut = False

    def pin(self, address: IPAddress, timeout: float) -> None:
        self.pin_address, self.pin_timeout, self.pin_lock = address, timeout, threading.Lock()

    def _new_conn(self) -> socket.socket:
        family = socket.AF_INET6 if self.pin_address.version == 6 else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            sock.settimeout(self.pin_timeout)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self.pin_lock:
                self.pin_fileno = sock.fileno()
            sock.connect((str(self.pin_address), self._pin_port()))
        except BaseException:
            self.forget()
            sock.close()
            raise
        return sock

    def _pin_port(self) -> int:
        raise NotImplementedError  # the connection class knows its port

    def cut(self) -> None:
        """Shut the connection down from another thread: a blocked read returns at once."""
        with self.pin_lock:
            if self.pin_fileno is None:
                return
            self.pin_was_cut = True
            try:
                # A duplicate of the descriptor: shutting it down ends the connection itself;
                # closing the duplicate leaves the original to its owner.
                dup = socket.socket(fileno=socket.dup(self.pin_fileno))
                try:
                    dup.shutdown(socket.SHUT_RDWR)
                finally:
                    dup.close()
            except OSError:
                pass

    def forget(self) -> None:
        with self.pin_lock:
            self.pin_fileno = None


class _PinnedHTTP(_Pinned, HTTPConnection):
    def _pin_port(self) -> int:
        return int(self.port)


class _PinnedHTTPS(_Pinned, HTTPSConnection):
    def _pin_port(self) -> int:
        return int(self.port)


def _connection(target: Target, address: IPAddress, timeout: float) -> _PinnedHTTP | _PinnedHTTPS:
    connection: _PinnedHTTP | _PinnedHTTPS
    if target.scheme == "https":
        connection = _PinnedHTTPS(
            str(address),
            target.port,
            timeout=timeout,
            cert_reqs="CERT_REQUIRED",
            # SNI, and the name the certificate must carry (checked by OpenSSL itself: no
            # assert_hostname, which would swap that for urllib3's own matching).
            server_hostname=target.host,
        )
    else:
        connection = _PinnedHTTP(str(address), target.port, timeout=timeout)
    connection.pin(address, timeout)
    return connection


def _host_header(target: Target) -> str:
    host = f"[{target.host}]" if ":" in target.host else target.host
    default = 443 if target.scheme == "https" else 80
    return host if target.port == default else f"{host}:{target.port}"


def _failure(exc: BaseException, *, target: Target, timeout: float, late: bool) -> SendFailed:
    """The words for what went wrong (the delivery log shows them to the agency)."""
    if late or isinstance(exc, (TimeoutError, socket.timeout, urllib3.exceptions.TimeoutError)):
        unit = "second" if timeout == 1 else "seconds"
        return SendFailed(f"No answer within {timeout:g} {unit}.")
    cause: BaseException = exc
    while isinstance(cause, urllib3.exceptions.HTTPError) and cause.__context__ is not None:
        cause = cause.__context__
    if isinstance(cause, ssl.SSLCertVerificationError):
        why = str(cause.verify_message or "it could not be verified")
        return SendFailed(f"The TLS certificate of {target.host} was refused: {why}."[:300])
    if isinstance(exc, urllib3.exceptions.SSLError) or isinstance(cause, ssl.SSLError):
        return SendFailed(f"The TLS handshake with {target.host} failed.")
    if isinstance(cause, ConnectionRefusedError):
        return SendFailed(f"{target.host} refused the connection on port {target.port}.")
    if isinstance(cause, (ConnectionResetError, BrokenPipeError, ConnectionAbortedError)):
        return SendFailed(f"{target.host} closed the connection before answering.")
    if (
        isinstance(cause, (urllib3.exceptions.ProtocolError, urllib3.exceptions.DecodeError))
        or "RemoteDisconnected" in type(cause).__name__
    ):
        return SendFailed(f"{target.host} did not answer with valid HTTP.")
    if isinstance(cause, OSError) and cause.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
        return SendFailed(f"Could not connect to {target.host}: it is unreachable from here.")
    return SendFailed(f"Could not connect to {target.host}.")


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
    address just approved, never following a redirect, within ``timeout`` seconds in all;
    SendFailed when nothing (valid) answered in time. ``keep``: how many characters of the
    answer's body to return (at most ``keep * 4`` bytes are read)."""
    target = check_url(url, allow_private=allow_private, allow_local_http=allow_local_http)
    address = target.addresses[0]
    connection = _connection(target, address, timeout)
    watchdog = threading.Timer(timeout, connection.cut)
    watchdog.daemon = True
    started = time.monotonic()
    watchdog.start()
    try:
        connection.request(
            "POST",
            target.path,
            body=body,
            headers={
                **headers,
                "Host": _host_header(target),
                "Accept-Encoding": "identity",
                "Connection": "close",
            },
            preload_content=False,
            decode_content=False,
        )
        response = connection.getresponse()
        raw = response.read(keep * 4, decode_content=False)  # at most this much, whatever comes
        status = response.status
        if connection.pin_was_cut:
            # What came before the cut is no answer: a 200 whose headers never ended is not one.
            raise TimeoutError
    except Exception as exc:
        late = time.monotonic() - started >= timeout
        raise _failure(exc, target=target, timeout=timeout, late=late) from None
    finally:
        watchdog.cancel()
        connection.forget()
        connection.close()
    duration_ms = int((time.monotonic() - started) * 1000)
    text = raw.decode("utf-8", errors="replace")[:keep]
    return Answer(status=status, body=text, duration_ms=duration_ms)
