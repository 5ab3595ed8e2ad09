"""Travellers (passport data encrypted at rest), who goes on an itinerary, proposal or booking,
and the webhook signing secrets encrypted at rest (existing rows encrypted here, raw: the
historical field would try to decrypt the plain values it reads)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import core.crypto
import crm.webhooks.models


def _rewrite(apps, schema_editor, change):
    connection = schema_editor.connection
    model = apps.get_model("crm", "WebhookEndpoint")
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, secret, previous_secret FROM {table}")
        for pk, *values in cursor.fetchall():
            new = [change(v) if v else v for v in values]
            if new != values:
                cursor.execute(
                    f"UPDATE {table} SET secret = %s, previous_secret = %s WHERE id = %s",
                    [*new, pk],
                )


def encrypt_secrets(apps, schema_editor):
    def change(value: str) -> str:
        if value.startswith(core.crypto.CIPHERTEXT_PREFIX):
            return value  # already encrypted (a re-run)
        return core.crypto.encrypt(value)

    _rewrite(apps, schema_editor, change)


def decrypt_secrets(apps, schema_editor):
    def change(value: str) -> str:
        if not value.startswith(core.crypto.CIPHERTEXT_PREFIX):
            return value
        return core.crypto.decrypt(value)

    _rewrite(apps, schema_editor, change)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),  # Agency and User: no later accounts change is needed
        ("crm", "0017_proposal_versions"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="webhookendpoint",
            name="previous_secret",
            field=core.crypto.EncryptedTextField(blank=True, max_length=100),
        ),
        migrations.AlterField(
            model_name="webhookendpoint",
            name="secret",
            field=core.crypto.EncryptedTextField(
                default=crm.webhooks.models.new_signing_secret, max_length=100
            ),
        ),
        migrations.RunPython(encrypt_secrets, decrypt_secrets),
        migrations.CreateModel(
            name="Traveller",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                ("first_name", models.CharField(max_length=100)),
                ("middle_name", models.CharField(blank=True, max_length=100)),
                ("last_name", models.CharField(max_length=100)),
                ("date_of_birth", models.DateField(blank=True, null=True)),
                (
                    "gender",
                    models.CharField(
                        blank=True,
                        choices=[("M", "Male"), ("F", "Female"), ("X", "Unspecified (X)")],
                        max_length=1,
                    ),
                ),
                ("nationality", models.CharField(blank=True, max_length=2)),
                ("passport_number", core.crypto.EncryptedTextField(blank=True, max_length=50)),
                ("passport_country", models.CharField(blank=True, max_length=2)),
                ("passport_issued_on", models.DateField(blank=True, null=True)),
                ("passport_expires_on", models.DateField(blank=True, null=True)),
                (
                    "known_traveller_number",
                    core.crypto.EncryptedTextField(blank=True, max_length=50),
                ),
                ("redress_number", core.crypto.EncryptedTextField(blank=True, max_length=50)),
                ("frequent_flyer", models.JSONField(blank=True, default=list)),
                ("hotel_loyalty", models.JSONField(blank=True, default=list)),
                ("dietary_needs", models.CharField(blank=True, max_length=500)),
                ("mobility_needs", models.CharField(blank=True, max_length=500)),
                ("seat_preference", models.CharField(blank=True, max_length=100)),
                ("room_preference", models.CharField(blank=True, max_length=200)),
                ("emergency_contact_name", models.CharField(blank=True, max_length=200)),
                ("emergency_contact_phone", models.CharField(blank=True, max_length=100)),
                ("emergency_contact_relation", models.CharField(blank=True, max_length=100)),
                (
                    "is_lead",
                    models.BooleanField(
                        default=False, help_text="The client themself (at most one per client)."
                    ),
                ),
                (
                    "agency",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="accounts.agency",
                    ),
                ),
                (
                    "client",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="travellers",
                        to="crm.client",
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["-is_lead", "last_name", "first_name", "id"],
                "abstract": False,
            },
        ),
        migrations.AddField(
            model_name="booking",
            name="named_travellers",
            field=models.ManyToManyField(blank=True, related_name="bookings", to="crm.traveller"),
        ),
        migrations.AddField(
            model_name="itinerary",
            name="named_travellers",
            field=models.ManyToManyField(
                blank=True, related_name="itineraries", to="crm.traveller"
            ),
        ),
        migrations.AddField(
            model_name="proposal",
            name="named_travellers",
            field=models.ManyToManyField(blank=True, related_name="proposals", to="crm.traveller"),
        ),
        migrations.AddIndex(
            model_name="traveller",
            index=models.Index(fields=["agency", "client"], name="traveller_agency_client"),
        ),
        migrations.AddConstraint(
            model_name="traveller",
            constraint=models.UniqueConstraint(
                condition=models.Q(("is_lead", True)), fields=("client",), name="traveller_one_lead"
            ),
        ),
    ]
