"""Every background job the crm app declares, imported here so that a worker sees them all
(procrastinate imports each installed app's ``jobs`` module; see
PROCRASTINATE_AUTODISCOVER_MODULE_NAME).

Add a domain's ``crm/<domain>/jobs.py`` to this list when you create one."""

from crm.proposals import jobs as proposals_jobs

__all__ = ["proposals_jobs"]
