"""Issue #16: a proposal version emailed to the client is linked to its outbox row, so the
delivery job attaches the version's PDF."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0001_initial'),
        ('crm', '0023_client_dedupe'),
    ]

    operations = [
        migrations.CreateModel(
            name='VersionEmail',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('outbound_email_id', models.BigIntegerField(unique=True)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('agency', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='accounts.agency')),
                ('version', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='emails', to='crm.proposalversion')),
            ],
            options={
                'ordering': ['-created_at', '-id'],
            },
        ),
    ]
