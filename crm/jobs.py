"""Every background job the crm app declares, imported here so that a worker sees them all
(procrastinate imports each installed app's ``jobs`` module; see
PROCRASTINATE_AUTODISCOVER_MODULE_NAME).

Add a domain's ``crm/<domain>/jobs.py`` (or the module declaring its job) to this list when you
create one."""

from crm.clients import jobs as client_jobs
from crm.enquiries.services import enquiry_notify_job
from crm.invoices import emails as invoice_emails
from crm.invoices import jobs as invoice_jobs
from crm.notifications import jobs as notification_jobs
from crm.proposals import emails as proposal_emails
from crm.proposals import jobs as proposals_jobs
from crm.tasks import jobs as task_jobs
from crm.webhooks import jobs as webhook_jobs

__all__ = [
    "client_jobs",
    "enquiry_notify_job",
    "invoice_emails",
    "invoice_jobs",
    "notification_jobs",
    "proposal_emails",
    "proposals_jobs",
    "task_jobs",
    "webhook_jobs",
]
