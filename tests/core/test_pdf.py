"""core.pdf: our HTML becomes a PDF whose text reads back, and rendering never fetches a URL."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

from core.pdf import data_uri, render_pdf, static_data_uri, static_text
from tests.pdf_support import pdf_text


def test_the_text_of_the_html_reads_back_from_the_pdf() -> None:
    pdf = render_pdf(
        "<html><body><h1>Invoice INV-0042</h1><p>Balance due: 1,234.50 GBP</p></body></html>"
    )
    assert pdf.startswith(b"%PDF-")
    text = pdf_text(pdf)
    assert "Invoice INV-0042" in text
    assert "Balance due: 1,234.50 GBP" in text


def test_rendering_fetches_no_url_the_html_names() -> None:
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/css")
            self.end_headers()
            self.wfile.write(b"body { color: red }")

        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        pdf = render_pdf(
            f'<html><head><link rel="stylesheet" href="{base}/style.css"></head>'
            f'<body><img src="{base}/logo.png"><img src="file:///etc/passwd">'
            "<p>Still rendered</p></body></html>"
        )
    finally:
        server.shutdown()
    assert hits == []
    assert "Still rendered" in pdf_text(pdf)


def test_images_come_inline_as_data_uris() -> None:
    svg = static_data_uri("img/favicon.svg")
    assert svg.startswith("data:image/svg+xml;base64,")
    assert data_uri(b"\x89PNG", "image/png") == "data:image/png;base64,iVBORw=="
    pdf = render_pdf(f'<html><body><img src="{svg}" width="40"><p>Logo</p></body></html>')
    assert "Logo" in pdf_text(pdf)


def test_static_text_reads_our_stylesheets() -> None:
    assert "{" in static_text("css/print.css")
