# A booking's amount_paid is now the sum of its payments, always (crm.bookings.services
# .payment_record is its one writer). Before, the API and the dashboard could type it directly,
# so existing rows may disagree with their payments. Nothing typed is thrown away:
# - amount_paid above the payments' sum: the difference becomes a payment of its own
#   ("Carried over"), dated the day the booking was last updated, so the money a user said was
#   received stays on record and the sum now matches;
# - amount_paid below the sum: the payments are recorded facts, so amount_paid becomes their sum.
# Each correction is written to the event log (channel "system"), so the history shows it.
from decimal import Decimal

from django.db import migrations
from django.db.models import Sum
from django.utils import timezone

CARRIED_OVER = "Carried over"
CENT = Decimal("0.01")


def reconcile(apps, schema_editor):
    Booking = apps.get_model("crm", "Booking")
    Payment = apps.get_model("crm", "Payment")
    Activity = apps.get_model("accounts", "Activity")
    bookings = Booking.objects.annotate(paid_sum=Sum("payments__amount")).order_by("pk")
    for booking in bookings.iterator(chunk_size=500):
        paid = (booking.paid_sum or Decimal("0")).quantize(CENT)
        if booking.amount_paid == paid:
            continue
        before = booking.amount_paid
        if before > paid:
            payment = Payment.objects.create(
                agency_id=booking.agency_id,
                booking_id=booking.pk,
                amount=before - paid,
                currency=booking.currency,
                paid_on=timezone.localdate(booking.updated_at),
                method=CARRIED_OVER,
                notes=(
                    f"Recorded as paid before payments were itemised: the booking said "
                    f"{before} {booking.currency} paid, its payments {paid}."
                ),
            )
            event, object_type, object_id = "payment.recorded", "payment", payment.pk
            repr_ = f"{payment.amount} {payment.currency}"
            changes = {}  # amount_paid stays as typed; the payment itemises it
            data = {
                "amount": str(payment.amount),
                "currency": payment.currency,
                "reason": "carried over from the booking's amount_paid",
            }
        else:
            event, object_type, object_id, repr_ = "booking.updated", "booking", booking.pk, ""
            changes = {"amount_paid": [str(before), str(paid)]}
            data = {"reason": "amount_paid is the sum of the payments"}
        Booking.objects.filter(pk=booking.pk).update(amount_paid=max(before, paid))
        Activity.objects.create(
            agency_id=booking.agency_id,
            channel="system",
            event=event,
            action="update" if object_type == "booking" else "create",
            object_type=object_type,
            object_id=object_id,
            object_repr=repr_ or booking.reference,
            client_id=booking.client_id,
            changes=changes,
            data=data,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("crm", "0007_client_booking_archived"),
        ("accounts", "0003_activity_event"),
    ]

    operations = [migrations.RunPython(reconcile, migrations.RunPython.noop)]
