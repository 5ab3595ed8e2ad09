"""The README's invoice PDF picture: page 1 of a demo invoice's real PDF (WeasyPrint), drawn
by poppler's ``pdftoppm`` (``apt-get install poppler-utils``; a tool for this picture only).

From the project root, against a database with the demo data (``make run`` loads it):

    DEBUG=1 .venv/bin/python manage.py shell < docs/screenshots/take_invoice_pdf.py
"""

import subprocess
import tempfile
from pathlib import Path

from accounts.models import User
from crm.invoices import services
from crm.invoices.rendering import document_pdf
from crm.models import Booking, Invoice

OUT = Path("docs/screenshots/invoice-pdf")
booking = (
    Booking.objects.filter(total_price__gt=0, agency__members__username="demo")
    .exclude(status="cancelled")
    .order_by("-total_price")
    .first()
)
assert booking is not None, "no demo booking with a price: run manage.py seed_demo first"
invoice = Invoice.objects.filter(booking=booking).first() or services.invoice_issue(
    booking=booking, issued_by=User.objects.get(username="demo")
)
with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
    pdf.write(document_pdf(invoice))
    pdf.flush()
    command = ["pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile"]
    subprocess.run([*command, pdf.name, str(OUT)], check=True)
print("wrote", OUT.with_suffix(".png"), "from", invoice.reference)
