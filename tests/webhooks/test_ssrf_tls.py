"""A pinned https delivery still checks the certificate against the host name (SNI included),
with a throwaway certificate authority made by the ``openssl`` command (skipped without it)."""

from __future__ import annotations

import shutil
import socket
import ssl
import subprocess
from pathlib import Path

import pytest

from core import outbound
from tests.webhooks.ssrf_cases import install_dns
from tests.webhooks.test_ssrf import Listener, listen  # noqa: F401 (the fixture)

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="needs openssl")
NAME = "receiver.example.com"


@pytest.fixture
def authority(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A certificate authority this process trusts (SSL_CERT_FILE), and a certificate it signed
    for ``receiver.example.com``."""

    def openssl(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=tmp_path, check=True, capture_output=True)

    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    openssl(
        *("req", "-x509", *ec, "-keyout", "ca.key", "-out", "ca.pem", "-days", "2"),
        *("-subj", "/CN=Itinera test CA", "-addext", "basicConstraints=critical,CA:TRUE"),
        *("-addext", "keyUsage=critical,keyCertSign,cRLSign"),
    )
    openssl("req", *ec, "-keyout", "leaf.key", "-out", "leaf.csr", "-subj", f"/CN={NAME}")
    (tmp_path / "leaf.ext").write_text(
        f"subjectAltName=DNS:{NAME}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n"
    )
    openssl(
        *("x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca.key"),
        *("-CAcreateserial", "-out", "leaf.pem", "-days", "2", "-extfile", "leaf.ext"),
    )
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "ca.pem"))
    return tmp_path


@pytest.fixture
def tls_server(authority: Path, listen):  # noqa: F811
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(authority / "leaf.pem", authority / "leaf.key")
    names: list[str | None] = []
    context.sni_callback = lambda sock, name, ctx: names.append(name)

    def handler(server: Listener, conn: socket.socket) -> None:
        conn.settimeout(5)
        try:
            tls = context.wrap_socket(conn, server_side=True)
        except (ssl.SSLError, OSError) as exc:
            server.notes.append(f"handshake failed: {type(exc).__name__}")
            return
        server.read_request(tls)
        tls.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
        tls.close()

    server = listen(handler)
    server.names = names
    return server


def test_a_certificate_for_the_host_name_is_accepted_at_the_pinned_address(tls_server, monkeypatch):
    install_dns(monkeypatch, {NAME: ["127.0.0.1"]})
    got = outbound.post(
        f"https://{NAME}:{tls_server.port}/hook",
        body=b"{}",
        headers={},
        timeout=5,
        allow_private=True,
    )
    assert (got.status, got.body) == (200, "ok")
    assert tls_server.names == [NAME]  # SNI carries the name, not the address
    assert f"\r\nHost: {NAME}:{tls_server.port}\r\n" in tls_server.heads[0]


def test_a_certificate_for_another_name_is_refused(tls_server, monkeypatch):
    install_dns(monkeypatch, {"imposter.example.com": ["127.0.0.1"]})
    with pytest.raises(outbound.SendFailed) as failed:
        outbound.post(
            f"https://imposter.example.com:{tls_server.port}/hook",
            body=b"{}",
            headers={},
            timeout=5,
            allow_private=True,
        )
    assert str(failed.value).startswith("The TLS certificate of imposter.example.com was refused")
    assert "Hostname mismatch" in str(failed.value)
    assert tls_server.heads == []  # nothing was sent over it


def test_a_certificate_from_an_unknown_authority_is_refused(tls_server, monkeypatch):
    monkeypatch.setenv("SSL_CERT_FILE", "/nonexistent/ca.pem")
    install_dns(monkeypatch, {NAME: ["127.0.0.1"]})
    with pytest.raises(outbound.SendFailed, match=r"TLS certificate .* was refused"):
        outbound.post(
            f"https://{NAME}:{tls_server.port}/hook",
            body=b"{}",
            headers={},
            timeout=5,
            allow_private=True,
        )
    assert tls_server.heads == []
