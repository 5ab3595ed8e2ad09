"""Every server-side request forgery trick a webhook URL can try, and what must happen to it.

``REFUSED`` is (url, a phrase the refusal must contain) and ``ALLOWED`` the URLs that must pass,
both with the default settings (``DEBUG`` and ``WEBHOOK_ALLOW_PRIVATE_TARGETS`` off) and the
names in ``DNS`` installed by :func:`install_dns` (this machine has no outside DNS). The
guard's own tests (tests/webhooks/test_ssrf.py), the service and the API's 422 test
parametrize over the same lists::

    @pytest.mark.parametrize(("url", "phrase"), REFUSED)
    def test_...(url, phrase, monkeypatch):
        install_dns(monkeypatch)
"""

from __future__ import annotations

import socket
from typing import Any

import pytest

PUBLIC_V4 = "93.184.215.14"
PUBLIC_V6 = "2606:2800:21f:cb07:6820:80da:af6b:8b2c"

# What the fake resolver answers: a host name -> its addresses, in order.
DNS: dict[str, list[str]] = {
    "hooks.example.com": [PUBLIC_V4],
    "v6.example.com": [PUBLIC_V6],
    "dual.example.com": [PUBLIC_V4, PUBLIC_V6],
    "xn--bcher-kva.example.com": [PUBLIC_V4],  # bücher.example.com
    "intranet.example.com": ["10.0.0.7"],
    "mixed.example.com": [PUBLIC_V4, "192.168.1.9"],  # one private address among public ones
    "metadata.example.com": ["169.254.169.254"],
    "loopback.example.com": ["127.0.0.1"],
    "mapped.example.com": ["::ffff:127.0.0.1"],
    "ula.example.com": ["fd12:3456::1"],
    "zoned.example.com": ["fe80::1%1"],
    "cgnat.example.com": ["100.64.0.9"],
}

NOT_PUBLIC = "webhooks can only be sent to the public internet"

REFUSED: list[tuple[str, str]] = [
    # Loopback, in every spelling of 127.0.0.1
    ("https://127.0.0.1/hook", "loopback"),
    ("https://127.1/hook", "loopback"),
    ("https://127.0.1/hook", "loopback"),
    ("https://0x7f.1/hook", "loopback"),
    ("https://0x7f000001/hook", "loopback"),
    ("https://0X7F.0.0.1/hook", "loopback"),
    ("https://2130706433/hook", "loopback"),
    ("https://017700000001/hook", "loopback"),
    ("https://0177.0.0.1/hook", "loopback"),
    ("https://127.000.000.001/hook", "loopback"),
    ("https://127.255.255.254/hook", "loopback"),
    ("https://127.0.0.1./hook", "loopback"),
    ("https://①②⑦.0.0.1/hook", "loopback"),  # full-width digits, as IDNA maps them
    ("https://127。0。0。1/hook", "loopback"),  # ideographic full stops
    # This machine by name
    ("https://localhost/hook", "loopback"),
    ("https://LOCALHOST/hook", "loopback"),
    ("https://localhost./hook", "loopback"),
    ("https://api.localhost/hook", "loopback"),
    ("https://localhost.localdomain/hook", "loopback"),
    ("http://localhost:8000/hook", "https://"),  # fine in DEBUG only
    # Unspecified
    ("https://0.0.0.0/hook", "unspecified"),
    ("https://0/hook", "unspecified"),
    ("https://0.0/hook", "unspecified"),
    ("https://[::]/hook", "unspecified"),
    # Private, shared, link-local (cloud metadata)
    ("https://10.0.0.1/hook", "private"),
    ("https://10.255.255.255/hook", "private"),
    ("https://172.16.0.1/hook", "private"),
    ("https://172.31.255.1/hook", "private"),
    ("https://192.168.0.1/hook", "private"),
    ("https://100.64.0.1/hook", "shared"),
    ("https://100.127.255.1/hook", "shared"),
    ("https://169.254.169.254/latest/meta-data/", "link-local"),
    ("https://169.254.0.1/hook", "link-local"),
    ("https://0xa9fea9fe/latest/meta-data/", "link-local"),  # 169.254.169.254
    ("https://[fd00:ec2::254]/latest/meta-data/", "private"),  # AWS metadata over IPv6
    # Multicast, reserved, broadcast, benchmarking, documentation, IETF
    ("https://224.0.0.1/hook", "multicast"),
    ("https://239.255.255.250/hook", "multicast"),
    ("https://240.0.0.1/hook", "reserved"),
    ("https://255.255.255.255/hook", "broadcast"),
    ("https://198.18.0.1/hook", "benchmarking"),
    ("https://198.19.255.1/hook", "benchmarking"),
    ("https://192.0.2.10/hook", "documentation"),
    ("https://198.51.100.10/hook", "documentation"),
    ("https://203.0.113.10/hook", "documentation"),
    ("https://192.0.0.8/hook", "reserved"),
    ("https://192.88.99.1/hook", "reserved"),
    # IPv6
    ("https://[::1]/hook", "loopback"),
    ("https://[0:0:0:0:0:0:0:1]/hook", "loopback"),
    ("https://[fe80::1]/hook", "link-local"),
    ("https://[fe80::1%25eth0]/hook", "network interface"),
    ("https://[febf::1]/hook", "link-local"),
    ("https://[fc00::1]/hook", "private"),
    ("https://[fdff:ffff::1]/hook", "private"),
    ("https://[ff02::1]/hook", "multicast"),
    ("https://[2001:db8::1]/hook", "documentation"),
    ("https://[100::1]/hook", "reserved"),
    ("https://[::ffff:127.0.0.1]/hook", "loopback"),
    ("https://[::ffff:7f00:1]/hook", "loopback"),
    ("https://[::ffff:10.0.0.1]/hook", "private"),
    ("https://[::ffff:169.254.169.254]/hook", "link-local"),
    ("https://[::127.0.0.1]/hook", "loopback"),  # IPv4-compatible (deprecated)
    ("https://[::8.8.8.8]/hook", "reserved"),  # IPv4-compatible, even of a public address
    ("https://[2002:7f00:1::]/hook", "loopback"),  # 6to4 of 127.0.0.1
    ("https://[2002:a00:1::]/hook", "private"),  # 6to4 of 10.0.0.1
    ("https://[64:ff9b::7f00:1]/hook", "loopback"),  # NAT64 of 127.0.0.1
    ("https://[64:ff9b::a9fe:a9fe]/hook", "link-local"),  # NAT64 of 169.254.169.254
    ("https://[64:ff9b:1::a00:1]/hook", "private"),  # local-use NAT64
    ("https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/hook", "loopback"),  # Teredo, 127.0.0.1
    ("https://[2001:0:4136:e378:8000:63bf:a247:28f1]/hook", "reserved"),  # Teredo, public
    ("https://[::ffff:0:0]/hook", "unspecified"),
    # Names that resolve somewhere they must not
    ("https://intranet.example.com/hook", "private"),
    ("https://mixed.example.com/hook", "private"),
    ("https://metadata.example.com/hook", "link-local"),
    ("https://loopback.example.com/hook", "loopback"),
    ("https://mapped.example.com/hook", "loopback"),
    ("https://ula.example.com/hook", "private"),
    ("https://zoned.example.com/hook", "link-local"),
    ("https://cgnat.example.com/hook", "shared"),
    ("https://nowhere.example.com/hook", "could not be found"),
    # Schemes
    ("http://hooks.example.com/hook", "https://"),
    ("file:///etc/passwd", "full URL"),
    ("file://localhost/etc/passwd", "full URL"),
    ("ftp://hooks.example.com/hook", "full URL"),
    ("gopher://hooks.example.com:70/_POST", "full URL"),
    ("dict://hooks.example.com:11211/stat", "full URL"),
    ("javascript:alert(1)", "full URL"),
    ("hooks.example.com/hook", "full URL"),
    ("//hooks.example.com/hook", "full URL"),
    ("https:hooks.example.com/hook", "full URL"),
    ("https:/hooks.example.com/hook", "full URL"),
    ("https:///127.0.0.1/hook", "full URL"),
    # Parser confusions
    ("https://hooks.example.com@127.0.0.1/hook", "user name"),
    ("https://user:pass@hooks.example.com/hook", "user name"),
    ("https://@hooks.example.com/hook", "user name"),
    ("https://127.0.0.1\\@hooks.example.com/hook", "backslash"),
    ("https://hooks.example.com\\@127.0.0.1/hook", "backslash"),
    ("https:\\\\127.0.0.1/hook", "backslash"),
    ("https://hooks.example.com#@127.0.0.1/hook", "fragment"),
    ("https://hooks.example.com/hook#part", "fragment"),
    ("https://%31%32%37.0.0.1/hook", "percent"),
    ("https://127.0.0.1%2f@hooks.example.com/hook", "user name"),
    ("https://hooks.example.com%00.evil.test/hook", "percent"),
    ("https://1.2.3.4.5/hook", "not a valid IP address"),
    ("https://256.0.0.1/hook", "not a valid IP address"),
    ("https://0x100000000/hook", "not a valid IP address"),
    ("https://09.0.0.1/hook", "not a valid IP address"),
    ("https://hooks_.exa!mple.com/hook", "not valid"),
    ("https://-hooks.example.com/hook", "not valid"),
    ("https://hooks..example.com/hook", "not valid"),
    ("https://" + "a" * 64 + ".example.com/hook", "not valid"),
    ("https://[::1/hook", "not valid"),
    ("https://[127.0.0.1]/hook", "not valid"),
    ("https://0x5db8d70e/hook", "four decimal numbers"),  # a public address in hexadecimal
    ("https://1572394766/hook", "four decimal numbers"),
    # Ports
    ("https://hooks.example.com:0/hook", "Port 0"),
    ("https://hooks.example.com:25/hook", "Port 25"),
    ("https://hooks.example.com:22/hook", "Port 22"),
    ("https://hooks.example.com:6667/hook", "Port 6667"),
    ("https://hooks.example.com:65536/hook", "port is not valid"),
    ("https://hooks.example.com:https/hook", "port is not valid"),
    ("https://hooks.example.com:-1/hook", "port is not valid"),
    # Length, whitespace and control characters
    ("https://hooks.example.com/" + "a" * 2000, "longer than 2000"),
    ("", "Enter the URL"),
    ("   ", "Enter the URL"),
    ("https://hooks.example.com/ho ok", "spaces or control characters"),
    ("https://hooks.example.com/\x00", "control characters"),
    ("https://hooks.example.com\t/hook", "control characters"),
    ("https://hooks.example.com/hook\r\nX-Injected: 1", "control characters"),
    ("https://hooks.example.com/\x7f", "control characters"),
    ("https://hooks.exa\u200bmple.com/hook", "control characters"),  # zero-width space
    ("https://hooks.example.com/\u202ekoob", "control characters"),  # right-to-left override
    ("https://hooks.example.com\u3000/hook", "control characters"),  # ideographic space
    ("https://hooks.example.com/\u00a0", "control characters"),  # no-break space
]

ALLOWED: list[str] = [
    "https://hooks.example.com/hook",
    "https://HOOKS.Example.COM/hook",
    "https://hooks.example.com./hook",
    "https://hooks.example.com:443/hook",
    "https://hooks.example.com:8443/hook",
    "https://hooks.example.com:9000/itinera?token=abc&x=1",
    "https://hooks.example.com/caf%C3%A9",
    "https://hooks.example.com/café",
    "https://bücher.example.com/hook",
    "https://xn--bcher-kva.example.com/hook",
    "https://v6.example.com/hook",
    "https://dual.example.com/hook",
    f"https://{PUBLIC_V4}/hook",
    f"https://[{PUBLIC_V6}]/hook",
    f"https://[::ffff:{PUBLIC_V4}]/hook",
    "https://[2002:5db8:d70e::1]/hook",  # 6to4 of a public address
    "https://[64:ff9b::5db8:d70e]/hook",  # NAT64 of a public address
    "https://8.8.8.8/hook",
    "https://hooks.example.com/hook?@127.0.0.1",  # an @ in the query names no user
]


def fake_getaddrinfo(dns: dict[str, list[str]]) -> Any:
    """A ``socket.getaddrinfo`` that answers from ``dns``; numeric hosts resolve as always and
    any other name is not found (no query leaves the machine)."""
    real = socket.getaddrinfo

    def getaddrinfo(host: Any, port: Any, family: int = 0, type: int = 0, *args: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else str(host)
        if name.lower().rstrip(".") in dns:
            answers = []
            for address in dns[name.lower().rstrip(".")]:
                v6 = ":" in address
                fam = socket.AF_INET6 if v6 else socket.AF_INET
                sockaddr = (address, int(port or 0), 0, 0) if v6 else (address, int(port or 0))
                answers.append((fam, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", sockaddr))
            return answers
        return real(host, port, family, type, 0, socket.AI_NUMERICHOST)

    return getaddrinfo


def install_dns(monkeypatch: pytest.MonkeyPatch, dns: dict[str, list[str]] | None = None) -> None:
    """Answer name lookups from ``dns`` (default :data:`DNS`) for the rest of the test."""
    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo(DNS if dns is None else dns))
