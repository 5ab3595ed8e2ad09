"""The crm app's jobs, for procrastinate's autodiscovery (``PROCRASTINATE_AUTODISCOVER_MODULE_
NAME = "jobs"``): every domain package that declares jobs is imported here."""

from crm.notifications import jobs as notification_jobs

__all__ = ["notification_jobs"]
