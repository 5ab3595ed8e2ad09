"""Issue #17 part B: a client's kind (person or company) and company, the E.164 phone column
(filled for existing rows) and the indexes duplicates are found with; CSV imports (runs, the
uploaded file's chunks, failed rows)."""

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
        ('accounts', '0001_initial'),
        ('crm', '0022_proposal_options'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='ClientImport',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('filename', models.CharField(max_length=255)),
                ('size', models.PositiveBigIntegerField(default=0)),
                ('status', models.CharField(choices=[('uploaded', 'Uploaded'), ('queued', 'Queued'), ('running', 'Running'), ('done', 'Done'), ('failed', 'Failed')], default='uploaded', max_length=10)),
                ('header', models.JSONField(blank=True, default=list)),
                ('mapping', models.JSONField(blank=True, default=dict)),
                ('total_rows', models.PositiveIntegerField(blank=True, null=True)),
                ('processed', models.PositiveIntegerField(default=0)),
                ('created', models.PositiveIntegerField(default=0)),
                ('merged', models.PositiveIntegerField(default=0)),
                ('skipped', models.PositiveIntegerField(default=0)),
                ('failed', models.PositiveIntegerField(default=0)),
                ('error', models.CharField(blank=True, max_length=500)),
                ('started_at', models.DateTimeField(blank=True, null=True)),
                ('finished_at', models.DateTimeField(blank=True, null=True)),
            ],
            options={
                'ordering': ['-created_at', '-id'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='ClientImportChunk',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('position', models.PositiveIntegerField()),
                ('data', models.BinaryField()),
            ],
        ),
        migrations.CreateModel(
            name='ClientImportFailure',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('line', models.PositiveIntegerField()),
                ('values', models.JSONField(default=list)),
                ('message', models.CharField(max_length=500)),
            ],
            options={
                'ordering': ['line'],
            },
        ),
        migrations.AddField(
            model_name='client',
            name='company_client',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='contacts', to='crm.client', verbose_name='company'),
        ),
        migrations.AddField(
            model_name='client',
            name='kind',
            field=models.CharField(choices=[('person', 'Person'), ('company', 'Company')], db_default='person', default='person', max_length=10),
        ),
        migrations.AddField(
            model_name='client',
            name='phone_e164',
            field=models.CharField(blank=True, db_default='', default='', editable=False, max_length=16),
        ),
        migrations.AddIndex(
            model_name='client',
            index=models.Index(models.F('agency'), django.db.models.functions.text.Upper('email'), name='client_agency_email_ci'),
        ),
        migrations.AddIndex(
            model_name='client',
            index=models.Index(fields=['agency', 'phone_e164'], name='client_agency_phone_e164'),
        ),
        migrations.AddField(
            model_name='clientimport',
            name='agency',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='accounts.agency'),
        ),
        migrations.AddField(
            model_name='clientimport',
            name='created_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='clientimportchunk',
            name='agency',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='accounts.agency'),
        ),
        migrations.AddField(
            model_name='clientimportchunk',
            name='run',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='chunks', to='crm.clientimport'),
        ),
        migrations.AddField(
            model_name='clientimportfailure',
            name='agency',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='accounts.agency'),
        ),
        migrations.AddField(
            model_name='clientimportfailure',
            name='run',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='failures', to='crm.clientimport'),
        ),
        migrations.AddConstraint(
            model_name='clientimportchunk',
            constraint=models.UniqueConstraint(fields=('run', 'position'), name='client_import_chunk_order'),
        ),
        migrations.AddIndex(
            model_name='clientimportfailure',
            index=models.Index(fields=['run', 'line'], name='client_import_failure_line'),
        ),
        migrations.RunPython(fill_phone_e164, migrations.RunPython.noop, elidable=True),
    ]
