"""The SSRF guard (core/outbound.py): every refused form is refused when an endpoint is
registered and again when it is sent to, and a delivery reaches exactly the address that was
checked, once, within its time and byte bounds."""

from __future__ import annotations

import gzip
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from core import outbound
from crm.webhooks.models import WebhookEndpoint
from crm.webhooks.services import webhook_create, webhook_update
from tests.webhooks.ssrf_cases import ALLOWED, PUBLIC_V4, REFUSED, install_dns

ROOT = Path(__file__).resolve().parents[2]
INTERNALS = ("Errno", "urllib3", "Traceback", "object at", "HTTPConnection", "[SSL")


# Test servers: raw TCP, so that even a connection that sends nothing is counted ----------------


class Listener:
    """Accepts connections on ``host:port`` in a thread and hands each to ``handler``; counts
    connections and keeps the request heads it read."""

    def __init__(
        self,
        handler: Callable[[Listener, socket.socket], None],
        host: str = "127.0.0.1",
        port: int = 0,
    ):
        self.handler = handler
        self.accepted = 0
        self.heads: list[str] = []
        self.notes: list[str] = []
        self.stopping = threading.Event()
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind((host, port))
        self.sock.listen(16)
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self.stopping.is_set():
            try:
                conn, _ = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            self.accepted += 1
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        try:
            self.handler(self, conn)
        except OSError as exc:
            self.notes.append(type(exc).__name__)
        finally:
            conn.close()

    def read_request(self, conn: socket.socket) -> str:
        conn.settimeout(5)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(65536)
            if not chunk:
                break
            data += chunk
        head, _, rest = data.partition(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        while len(rest) < length:
            rest += conn.recv(65536)
        self.heads.append(head.decode("latin-1"))
        return head.decode("latin-1")

    def close(self) -> None:
        self.stopping.set()
        self.thread.join(2)
        self.sock.close()


@pytest.fixture
def listen() -> Iterator[Callable[..., Listener]]:
    made: list[Listener] = []

    def make(handler: Callable[[Listener, socket.socket], None], **kw: Any) -> Listener:
        made.append(Listener(handler, **kw))
        return made[-1]

    yield make
    for listener in made:
        listener.close()


def answer(status: str, headers: str = "", body: bytes = b"") -> Callable[..., None]:
    def handler(server: Listener, conn: socket.socket) -> None:
        server.read_request(conn)
        conn.sendall(
            f"HTTP/1.1 {status}\r\nContent-Length: {len(body)}\r\n{headers}\r\n".encode() + body
        )

    return handler


def silent(server: Listener, conn: socket.socket) -> None:
    """Accepts, reads, never answers (until the test is over)."""
    server.read_request(conn)
    server.stopping.wait(15)


def send(url: str, **kw: object) -> outbound.Answer:
    options: dict = {"timeout": 5, "allow_local_http": True, **kw}
    return outbound.post(url, body=b'{"id":"msg_1"}', headers={"X-Test": "1"}, **options)


def assert_clear(message: str) -> None:
    assert message.endswith("."), message
    assert not any(word in message for word in INTERNALS), message


# Registration: the guard and the service ------------------------------------------------------


@pytest.mark.parametrize(("url", "phrase"), REFUSED)
def test_the_guard_refuses_each_unsafe_form_with_a_clear_reason(url, phrase, monkeypatch):
    install_dns(monkeypatch)
    with pytest.raises(outbound.UnsafeTarget) as refused:
        outbound.check_url(url)
    assert phrase.lower() in str(refused.value).lower()
    assert_clear(str(refused.value))


@pytest.mark.parametrize("url", ALLOWED)
def test_the_guard_lets_public_https_targets_through(url, monkeypatch):
    install_dns(monkeypatch)
    target = outbound.check_url(url)
    assert target.scheme == "https"
    assert all(outbound.address_refusal(address) is None for address in target.addresses)
    assert target.path.isascii() and target.host.isascii()


@pytest.mark.parametrize(("url", "phrase"), REFUSED)
def test_registering_an_unsafe_url_is_a_url_error_and_creates_nothing(
    url, phrase, monkeypatch, agency, alice
):
    install_dns(monkeypatch)
    with pytest.raises(ValidationError) as refused:
        webhook_create(agency=agency, created_by=alice, url=url)
    errors = refused.value.message_dict
    assert list(errors) == ["url"]
    assert phrase.lower() in errors["url"][0].lower()
    assert not WebhookEndpoint.objects.exists()


@pytest.mark.parametrize("url", ALLOWED)
def test_registering_a_public_https_url_works(url, monkeypatch, agency, alice):
    install_dns(monkeypatch)
    endpoint = webhook_create(agency=agency, created_by=alice, url=url)
    assert endpoint.url == url


def test_changing_an_endpoint_to_an_unsafe_url_is_refused_and_keeps_the_old_one(
    monkeypatch, agency, alice
):
    install_dns(monkeypatch)
    endpoint = webhook_create(agency=agency, created_by=alice, url="https://hooks.example.com/a")
    with pytest.raises(ValidationError) as refused:
        webhook_update(webhook=endpoint, url="https://169.254.169.254/latest/meta-data/")
    assert "link-local" in refused.value.message_dict["url"][0]
    endpoint.refresh_from_db()
    assert endpoint.url == "https://hooks.example.com/a"


def test_the_refusal_of_a_name_does_not_reveal_the_private_address_it_resolves_to(monkeypatch):
    install_dns(monkeypatch)
    with pytest.raises(outbound.UnsafeTarget) as refused:
        outbound.check_url("https://intranet.example.com/hook")
    assert str(refused.value).startswith("intranet.example.com resolves to a private address")
    assert "10.0.0.7" not in str(refused.value)


def test_every_address_of_a_name_is_judged_not_only_the_first(monkeypatch):
    install_dns(monkeypatch, {"late.example.com": [PUBLIC_V4, PUBLIC_V4, "::1"]})
    with pytest.raises(outbound.UnsafeTarget, match="loopback"):
        outbound.check_url("https://late.example.com/hook")


# The two switches -----------------------------------------------------------------------------


def test_both_switches_are_off_unless_the_environment_turns_them_on():
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DATABASE_URL", "REDIS_URL"}}
    env.pop("WEBHOOK_ALLOW_PRIVATE_TARGETS", None)
    env.update(DJANGO_SETTINGS_MODULE="config.settings", SECRET_KEY="x")
    code = (
        "import django; django.setup(); from django.conf import settings as s;"
        "print(s.DEBUG, s.WEBHOOK_ALLOW_PRIVATE_TARGETS)"
    )
    run = [sys.executable, "-c", code]
    default = subprocess.run(run, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert default.stdout.split() == ["False", "False"], default.stderr
    env["WEBHOOK_ALLOW_PRIVATE_TARGETS"] = "1"
    on = subprocess.run(run, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert on.stdout.split() == ["False", "True"], on.stderr


LOCAL_HTTP = [
    "http://localhost:8000/hook",
    "http://LOCALHOST:8000/hook",
    "http://receiver.localhost:9000/hook",
    "http://127.0.0.1:8000/hook",
    "http://[::1]:8000/hook",
    "https://localhost:8443/hook",
]


@pytest.mark.parametrize("url", LOCAL_HTTP)
def test_with_debug_on_a_localhost_receiver_over_http_is_allowed(url, settings, agency):
    settings.DEBUG = True
    endpoint = webhook_create(agency=agency, url=url)
    assert endpoint.url == url


@pytest.mark.parametrize("url", LOCAL_HTTP)
def test_with_debug_off_a_localhost_receiver_is_refused(url, settings, agency):
    settings.DEBUG = False
    with pytest.raises(ValidationError):
        webhook_create(agency=agency, url=url)


@pytest.mark.parametrize(
    ("url", "phrase"),
    [
        ("http://hooks.example.com/hook", "https://"),  # http stays for localhost only
        ("http://intranet.example.com/hook", "https://"),
        ("https://intranet.example.com/hook", "private"),
        ("https://10.0.0.1/hook", "private"),
        ("http://127.1:8000/hook", "https://"),  # a legacy spelling is not localhost-style
        ("http://localhost.hooks.example.com/hook", "https://"),
        ("http://loopback.example.com/hook", "https://"),  # a public name pointing home
    ],
)
def test_debug_allows_nothing_but_localhost(url, phrase, settings, monkeypatch):
    settings.DEBUG = True
    install_dns(monkeypatch)
    from crm.webhooks.services import check_target

    with pytest.raises(outbound.UnsafeTarget, match=phrase.replace(".", r"\.")):
        check_target(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://10.0.0.1/hook",
        "https://172.20.1.1/hook",
        "https://192.168.1.20:8443/hook",
        "https://100.64.0.1/hook",
        "https://127.0.0.1/hook",
        "https://localhost/hook",
        "https://[fd12:3456::1]/hook",
        "https://intranet.example.com/hook",
        "https://mixed.example.com/hook",
        "https://[::ffff:10.0.0.1]/hook",
    ],
)
def test_the_on_premises_switch_allows_private_targets(url, settings, monkeypatch, agency):
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = True
    install_dns(monkeypatch)
    assert webhook_create(agency=agency, url=url).url == url


@pytest.mark.parametrize(
    ("url", "phrase"),
    [
        ("https://169.254.169.254/latest/meta-data/", "link-local"),
        ("https://metadata.example.com/", "link-local"),
        ("https://[fe80::1]/hook", "link-local"),
        ("https://[::ffff:169.254.169.254]/hook", "link-local"),
        ("https://0.0.0.0/hook", "unspecified"),
        ("https://[::]/hook", "unspecified"),
        ("https://224.0.0.1/hook", "multicast"),
        ("https://255.255.255.255/hook", "broadcast"),
        ("https://240.0.0.1/hook", "reserved"),
        ("http://10.0.0.1/hook", "https://"),
    ],
)
def test_the_on_premises_switch_still_refuses_metadata_multicast_and_reserved(
    url, phrase, settings, monkeypatch
):
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = True
    install_dns(monkeypatch)
    from crm.webhooks.services import check_target

    with pytest.raises(outbound.UnsafeTarget) as refused:
        check_target(url)
    assert phrase in str(refused.value)


# Delivery time: checked again, pinned, one request, bounded -----------------------------------


def test_dns_rebinding_after_registration_sends_nothing(monkeypatch, listen, agency):
    server = listen(answer("200 OK"))
    url = f"https://rebind.example.com:{server.port}/hook"
    install_dns(monkeypatch, {"rebind.example.com": [PUBLIC_V4]})
    webhook_create(agency=agency, url=url)  # public when it was registered

    install_dns(monkeypatch, {"rebind.example.com": ["127.0.0.1"]})
    with pytest.raises(outbound.UnsafeTarget, match="resolves to a loopback address"):
        send(url)
    time.sleep(0.3)
    assert server.accepted == 0
    # The control: the same call with private targets allowed does reach the server, so the
    # zero above is the guard's doing.
    with pytest.raises(outbound.SendFailed):
        send(url, allow_private=True, timeout=2)  # a TLS hello to a plain HTTP server
    assert server.accepted == 1


def test_the_request_goes_to_the_address_that_was_checked_with_no_second_lookup(
    monkeypatch, listen
):
    first = listen(answer("200 OK"))
    try:
        # The same port on another loopback address: only the lookup decides which one hears.
        second = listen(answer("200 OK"), host="127.0.0.2", port=first.port)
    except OSError:
        pytest.skip("cannot listen on 127.0.0.2 with the same port here")
    lookups: list[str] = []
    real = socket.getaddrinfo

    def flip(host, port, *args, **kwargs):
        if host == "flip.example.com":
            lookups.append(host)
            address = "127.0.0.1" if len(lookups) == 1 else "127.0.0.2"
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", flip)
    with pytest.raises(outbound.SendFailed):
        send(f"https://flip.example.com:{first.port}/hook", allow_private=True, timeout=2)
    time.sleep(0.3)
    assert lookups == ["flip.example.com"]
    assert (first.accepted, second.accepted) == (1, 0)


def test_a_redirect_is_never_followed(listen):
    elsewhere = listen(answer("200 OK"))
    for status in ("302 Found", "307 Temporary Redirect", "308 Permanent Redirect"):
        hop = listen(answer(status, f"Location: http://127.0.0.1:{elsewhere.port}/stolen\r\n"))
        got = send(f"http://localhost:{hop.port}/hook")
        assert got.status == int(status[:3])
        assert hop.accepted == 1
    time.sleep(0.3)
    assert elsewhere.accepted == 0


def test_the_request_names_the_host_and_asks_for_no_compression(listen):
    server = listen(answer("204 No Content"))
    assert send(f"http://localhost:{server.port}/hook?x=1").status == 204
    head = server.heads[0]
    assert head.startswith("POST /hook?x=1 HTTP/1.1\r\n")
    assert f"\r\nHost: localhost:{server.port}\r\n" in head
    assert "\r\nAccept-Encoding: identity\r\n" in head
    assert "\r\nX-Test: 1\r\n" in head


def test_a_server_that_never_answers_fails_within_the_timeout(listen):
    server = listen(silent)
    started = time.monotonic()
    with pytest.raises(outbound.SendFailed) as failed:
        send(f"http://localhost:{server.port}/hook", timeout=1)
    assert time.monotonic() - started < 2.5
    assert str(failed.value) == "No answer within 1 second."


def test_a_server_that_drips_its_answer_cannot_hold_the_worker_past_the_timeout(listen):
    def drip(server: Listener, conn: socket.socket) -> None:
        server.read_request(conn)
        conn.sendall(b"HTTP/1.1 200 OK\r\n")
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and not server.stopping.is_set():
            conn.sendall(b"X-Drip: 1\r\n")  # each byte well inside a per-read timeout
            time.sleep(0.2)

    server = listen(drip)
    started = time.monotonic()
    with pytest.raises(outbound.SendFailed, match=r"No answer within 1\.5 seconds"):
        send(f"http://localhost:{server.port}/hook", timeout=1.5)
    assert time.monotonic() - started < 3


def test_only_the_first_bytes_of_an_endless_answer_are_read(listen):
    def endless(server: Listener, conn: socket.socket) -> None:
        server.read_request(conn)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n")
        chunk = b"x" * 65536
        sent = 0
        try:
            while sent < 500_000_000 and not server.stopping.is_set():
                conn.sendall(chunk)
                sent += len(chunk)
            server.notes.append("sent everything")
        finally:
            server.notes.append(f"sent {sent}")

    server = listen(endless)
    started = time.monotonic()
    got = send(f"http://localhost:{server.port}/hook", keep=1000)
    assert got.status == 200
    assert got.body == "x" * 1000
    assert time.monotonic() - started < 3
    for _ in range(50):
        if any(note.startswith("sent ") for note in server.notes):
            break
        time.sleep(0.1)
    # The stream ended because we hung up, long before the server ran out of things to send.
    assert "sent everything" not in server.notes
    sent = int(next(note for note in server.notes if note.startswith("sent "))[5:])
    assert sent < 100_000_000


def test_a_compressed_answer_is_not_decompressed(listen):
    bomb = gzip.compress(b"\0" * 20_000_000)
    server = listen(answer("200 OK", "Content-Encoding: gzip\r\n", bomb))
    got = send(f"http://localhost:{server.port}/hook", keep=1000)
    assert got.status == 200
    assert len(got.body) <= 1000
    assert got.body.startswith("\x1f")  # the gzip magic: the raw bytes, never inflated


def test_a_refused_connection_says_so_in_words():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    with pytest.raises(outbound.SendFailed) as failed:
        send(f"http://localhost:{port}/hook")
    assert str(failed.value) == f"localhost refused the connection on port {port}."


def test_an_answer_that_is_not_http_says_so_in_words(listen):
    def garbage(server: Listener, conn: socket.socket) -> None:
        server.read_request(conn)
        conn.sendall(b"SSH-2.0-OpenSSH_9.6\r\n")

    server = listen(garbage)
    with pytest.raises(outbound.SendFailed) as failed:
        send(f"http://localhost:{server.port}/hook")
    assert_clear(str(failed.value))
    assert "localhost" in str(failed.value)


def test_delivery_time_refuses_what_registration_would(monkeypatch, listen):
    install_dns(monkeypatch)
    for url, _phrase in REFUSED[:20]:
        with pytest.raises(outbound.UnsafeTarget):
            outbound.post(url, body=b"{}", headers={}, timeout=1)
