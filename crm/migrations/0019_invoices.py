# Invoices and receipts (crm/invoices): gapless per-agency series, frozen snapshots, PDFs.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0001_initial'),
        ('crm', '0018_travellers'),
    ]

    operations = [
        migrations.CreateModel(
            name='Invoice',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('number', models.PositiveIntegerField()),
                ('reference', models.CharField(max_length=50)),
                ('issued_at', models.DateTimeField()),
                ('issued_on', models.DateField(help_text="The date of issue in the agency's timezone.")),
                ('currency', models.CharField(max_length=3)),
                ('total', models.DecimalField(decimal_places=2, max_digits=12)),
                ('snapshot', models.JSONField()),
                ('pdf', models.BinaryField(blank=True, null=True)),
                ('pdf_status', models.CharField(choices=[('pending', 'Being prepared'), ('ready', 'Ready')], default='pending', max_length=10)),
                ('pdf_rendered_at', models.DateTimeField(blank=True, null=True)),
                ('voided_at', models.DateTimeField(blank=True, null=True)),
                ('void_reason', models.CharField(blank=True, max_length=500)),
                ('agency', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='accounts.agency')),
                ('booking', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='invoices', to='crm.booking')),
                ('issued_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('voided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['-number'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='Receipt',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('number', models.PositiveIntegerField()),
                ('reference', models.CharField(max_length=50)),
                ('issued_at', models.DateTimeField()),
                ('issued_on', models.DateField(help_text="The date of issue in the agency's timezone.")),
                ('currency', models.CharField(max_length=3)),
                ('total', models.DecimalField(decimal_places=2, max_digits=12)),
                ('snapshot', models.JSONField()),
                ('pdf', models.BinaryField(blank=True, null=True)),
                ('pdf_status', models.CharField(choices=[('pending', 'Being prepared'), ('ready', 'Ready')], default='pending', max_length=10)),
                ('pdf_rendered_at', models.DateTimeField(blank=True, null=True)),
                ('voided_at', models.DateTimeField(blank=True, null=True)),
                ('void_reason', models.CharField(blank=True, max_length=500)),
                ('agency', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='accounts.agency')),
                ('booking', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='receipts', to='crm.booking')),
                ('issued_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('payment', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='receipts', to='crm.payment')),
                ('voided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['-number'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='DocumentEmail',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('outbound_email_id', models.BigIntegerField(unique=True)),
                ('recipient', models.CharField(max_length=254)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('agency', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='accounts.agency')),
                ('sent_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('invoice', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='emails', to='crm.invoice')),
                ('receipt', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='emails', to='crm.receipt')),
            ],
            options={
                'ordering': ['-created_at', '-id'],
            },
        ),
        migrations.CreateModel(
            name='DocumentCounter',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('series', models.CharField(choices=[('invoice', 'Invoice'), ('receipt', 'Receipt')], max_length=10)),
                ('prefix', models.CharField(max_length=30)),
                ('last_number', models.PositiveIntegerField(default=0)),
                ('agency', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='accounts.agency')),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('agency', 'series'), name='uniq_document_series')],
            },
        ),
        migrations.AddIndex(
            model_name='invoice',
            index=models.Index(fields=['agency', 'booking'], name='invoice_agency_booking'),
        ),
        migrations.AddConstraint(
            model_name='invoice',
            constraint=models.UniqueConstraint(fields=('agency', 'number'), name='uniq_invoice_number'),
        ),
        migrations.AddIndex(
            model_name='receipt',
            index=models.Index(fields=['agency', 'booking'], name='receipt_agency_booking'),
        ),
        migrations.AddConstraint(
            model_name='receipt',
            constraint=models.UniqueConstraint(fields=('agency', 'number'), name='uniq_receipt_number'),
        ),
        migrations.AddConstraint(
            model_name='receipt',
            constraint=models.UniqueConstraint(condition=models.Q(('voided_at__isnull', True)), fields=('payment',), name='uniq_live_receipt_per_payment'),
        ),
    ]
