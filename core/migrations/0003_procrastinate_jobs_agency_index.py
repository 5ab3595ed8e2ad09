"""An index for the owners' Jobs page (``core.jobs.job_list``/``job_counts``): it filters
procrastinate's jobs on their ``agency_id`` argument (``args -> 'agency_id'``) and lists them
newest first, which would otherwise read the whole queue table for every page.

PostgreSQL only (procrastinate's tables exist nowhere else); built ``CONCURRENTLY`` on a live
queue, so the migration is not atomic.
"""

from django.db import migrations

NAME = "procrastinate_jobs_agency"
TARGET = "procrastinate_jobs ((args -> 'agency_id'), id DESC)"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {NAME} ON {TARGET}")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {NAME}")


class Migration(migrations.Migration):
    atomic = False
    dependencies = [
        ("core", "0002_outbound_email"),
        ("procrastinate", "0041_post_retry_failed_job"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
