# The idempotency table belongs to core now (HTTP plumbing, not CRM data). State only: the
# table, its rows and its constraint stay exactly where they are (core keeps the table name).
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("crm", "0005_trigram_no_pending_list")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="IdempotencyRecord")],
            database_operations=[],
        )
    ]
