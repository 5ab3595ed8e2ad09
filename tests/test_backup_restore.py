"""The documented backup procedure (README "Backups") restores every record."""

import shutil
import subprocess
import uuid

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection

TABLES = [
    "accounts_agency",
    "accounts_user",
    "accounts_apitoken",
    "accounts_activity",
    "crm_client",
    "crm_itinerary",
    "crm_itineraryday",
    "crm_itineraryitem",
    "crm_proposal",
    "crm_booking",
    "crm_payment",
    "crm_enquiryform",
]


def pg(*args: str, settings: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            *args,
            "-h",
            settings["HOST"] or "127.0.0.1",
            "-p",
            str(settings["PORT"] or 5432),
            "-U",
            settings["USER"],
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
        env={"PGPASSWORD": settings.get("PASSWORD") or "", "PATH": "/usr/bin:/bin"},
    )


def snapshot(conninfo: str) -> dict[str, list[tuple]]:
    with psycopg.connect(conninfo) as conn:
        return {
            table: conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall() for table in TABLES
        }


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_pg_dump_restores_into_a_fresh_database_with_every_record(tmp_path):
    if not (shutil.which("pg_dump") and shutil.which("pg_restore")):
        pytest.skip("pg_dump/pg_restore are not installed")
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("create_api_token", "demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    settings = connection.settings_dict
    dump = tmp_path / "itinera.dump"
    restored = f"itinera_restore_{uuid.uuid4().hex[:8]}"
    host, port = settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432
    base = f"host={host} port={port} user={settings['USER']}"

    # The procedure from the README, step by step.
    pg("pg_dump", "--format=custom", f"--file={dump}", settings["NAME"], settings=settings)
    pg("createdb", restored, settings=settings)
    try:
        pg("pg_restore", "--no-owner", f"--dbname={restored}", str(dump), settings=settings)
        original = snapshot(f"{base} dbname={settings['NAME']}")
        copy = snapshot(f"{base} dbname={restored}")
        assert sum(len(rows) for rows in original.values()) > 100
        for table in TABLES:
            assert copy[table] == original[table], f"{table} differs after restore"
    finally:
        pg("dropdb", "--if-exists", restored, settings=settings)
