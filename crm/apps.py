from django.apps import AppConfig


class CrmConfig(AppConfig):
    name = "crm"
    verbose_name = "CRM"

    def ready(self) -> None:
        from accounts.audit import audit_model
        from crm.models import (
            Booking,
            Client,
            Itinerary,
            ItineraryTemplate,
            LibraryItem,
            Payment,
            Proposal,
            Supplier,
            Task,
            Traveller,
        )

        # Every change of these is in the history (accounts.audit), secrets and noise left out.
        audit_model(Client, never_recorded={"source_details"}, client_id=lambda c: c.pk)
        # Document numbers are masked in the diffs (accounts.audit, core.crypto).
        audit_model(Traveller)
        audit_model(Itinerary)
        # The agency's saved plans, in no client's history; the plan itself is too big a diff.
        audit_model(ItineraryTemplate, never_recorded={"days"})
        audit_model(LibraryItem)  # the agency's saved items: in no client's history
        audit_model(Proposal, never_recorded={"share_token"})
        audit_model(Booking)
        audit_model(Payment, client_id=_payment_client_id)
        audit_model(Supplier)  # the agency's directory: in no client's history
        audit_model(Task, never_recorded={"occasion"})
        # The jobs, and the event subscribers that start them, in every process (not only in
        # a worker, which autodiscovers crm.jobs).
        import crm.jobs  # noqa: F401


def _payment_client_id(payment: object) -> int | None:
    booking = getattr(payment, "booking", None)
    return booking.client_id if booking is not None else None
