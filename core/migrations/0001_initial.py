# Takes over crm's idempotency table in the migration state only: the table (created by
# crm 0001) keeps its name, rows and constraint.
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [("crm", "0006_idempotencyrecord_to_core")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="IdempotencyRecord",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("scope", models.CharField(max_length=100)),
                        ("key", models.CharField(max_length=255)),
                        ("request_hash", models.CharField(max_length=64)),
                        ("status_code", models.PositiveSmallIntegerField(blank=True, null=True)),
                        ("response_body", models.JSONField(blank=True, null=True)),
                        ("response_headers", models.JSONField(blank=True, default=dict)),
                        ("created_at", models.DateTimeField(auto_now_add=True, db_index=True)),
                    ],
                    options={
                        "db_table": "crm_idempotencyrecord",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("scope", "key"), name="uniq_idempotency_scope_key"
                            )
                        ],
                    },
                )
            ],
            database_operations=[],
        )
    ]
