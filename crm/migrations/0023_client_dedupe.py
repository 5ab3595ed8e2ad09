"""Issue #17 part B: a client's kind (person or company) and company, the E.164 phone column
(filled for existing rows) and the indexes duplicates are found with."""

from typing import Any

import django.db.models.deletion
import django.db.models.functions.text
from django.conf import settings
from django.db import migrations, models


def fill_phone_e164(apps: Any, schema_editor: Any) -> None:
    from crm.clients.phones import phone_e164, region_for_timezone

    Client = apps.get_model("crm", "Client")
    Agency = apps.get_model("accounts", "Agency")
    regions = {
        pk: region_for_timezone(tz) for pk, tz in Agency.objects.values_list("pk", "timezone")
    }
    rows = Client.objects.exclude(phone="").only("pk", "phone", "agency_id")
    batch = []
    for client in rows.iterator(chunk_size=2000):
        client.phone_e164 = phone_e164(client.phone, regions.get(client.agency_id))
        if client.phone_e164:
            batch.append(client)
        if len(batch) >= 2000:
            Client.objects.bulk_update(batch, ["phone_e164"])
            batch = []
    if batch:
        Client.objects.bulk_update(batch, ["phone_e164"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("crm", "0017_proposal_versions"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="client",
            name="kind",
            field=models.CharField(
                choices=[("person", "Person"), ("company", "Company")],
                default="person",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="client",
            name="company_client",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="contacts",
                to="crm.client",
                verbose_name="company",
            ),
        ),
        migrations.AddField(
            model_name="client",
            name="phone_e164",
            field=models.CharField(blank=True, editable=False, max_length=16),
        ),
        migrations.AddIndex(
            model_name="client",
            index=models.Index(
                models.F("agency"),
                django.db.models.functions.text.Upper("email"),
                name="client_agency_email_ci",
            ),
        ),
        migrations.AddIndex(
            model_name="client",
            index=models.Index(fields=["agency", "phone_e164"], name="client_agency_phone_e164"),
        ),
        migrations.RunPython(fill_phone_e164, migrations.RunPython.noop, elidable=True),
    ]
