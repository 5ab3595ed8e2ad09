"""#13 on PostgreSQL: an email's delivery job is a procrastinate row written in the sending
transaction, and a real worker process (``manage.py procrastinate worker``) delivers it once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection, transaction

from core import mail as core_mail
from core.models import OutboundEmail

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _jobs(status: str | None = None) -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM procrastinate_jobs WHERE task_name = 'core.mail.deliver'"
            + (" AND status = %s" if status else ""),
            [status] if status else [],
        )
        return cursor.fetchone()[0]


@pytest.fixture
def queue_mode(settings):
    settings.JOBS_MODE = "queue"

    def forget() -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM procrastinate_jobs WHERE task_name = 'core.mail.deliver'")

    forget()
    yield
    forget()


def _worker(mail_dir: Path) -> subprocess.CompletedProcess:
    db = connection.settings_dict
    env = {name: os.environ[name] for name in ("PATH", "HOME", "LANG") if name in os.environ}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        SECRET_KEY="worker-test",
        DATABASE_URL=(
            f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:"
            f"{db['PORT'] or 5432}/{db['NAME']}"
        ),
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(mail_dir),
        SITE_URL="https://crm.itinera.test",
    )
    return subprocess.run(
        [sys.executable, "manage.py", "procrastinate", "worker", "--one-shot", "-q", "email"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_job_row_is_written_with_the_email_and_rolled_back_with_it(queue_mode):
    with pytest.raises(RuntimeError), transaction.atomic():
        core_mail.send(to="ann@example.com", subject="Lost", body="t", kind="test")
        raise RuntimeError("rolled back")
    assert _jobs() == 0 and not OutboundEmail.objects.exists()

    with transaction.atomic():
        core_mail.send(to="ann@example.com", subject="Kept", body="t", kind="test")
    assert _jobs("todo") == 1


def test_a_worker_process_delivers_each_message_once(queue_mode, tmp_path):
    for n in range(3):
        core_mail.send(to=f"guest{n}@example.com", subject=f"Hello {n}", body="t", kind="test")

    result = _worker(tmp_path)
    again = _worker(tmp_path)  # nothing left to do: nothing sent twice

    assert result.returncode == 0, result.stdout + result.stderr
    assert again.returncode == 0, again.stdout + again.stderr
    files = sorted(tmp_path.iterdir())
    assert len(files) == 3
    subjects = sorted(
        line for f in files for line in f.read_text().splitlines() if line.startswith("Subject:")
    )
    assert subjects == ["Subject: Hello 0", "Subject: Hello 1", "Subject: Hello 2"]
    assert set(OutboundEmail.objects.values_list("status", flat=True)) == {"sent"}
    assert _jobs("succeeded") == 3 and _jobs("todo") == 0
