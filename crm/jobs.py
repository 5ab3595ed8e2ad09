"""The crm app's jobs, imported by the workers (procrastinate's Django autodiscovery reads each
app's ``jobs`` module): every job declared in a domain package is imported here."""

from crm.enquiries.services import enquiry_notify_job

__all__ = ["enquiry_notify_job"]
