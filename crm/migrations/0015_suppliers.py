# Suppliers (issue 15, part A): the supplier directory, a booking's services (sectors) and
# the booking's derived cost and commission; the free-text supplier of bookings and itinerary
# items becomes a link to a supplier record, nothing typed lost.

from decimal import Decimal

import django.core.validators
import django.db.models.deletion
import django.db.models.functions.text
from django.conf import settings
from django.db import migrations, models


def free_text_to_records(apps, schema_editor):
    """Per agency, every distinct supplier text (trimmed, ignoring case) of its itinerary items
    and bookings becomes a Supplier (type "other", named as first typed), and every row points
    at it. Nothing typed is lost: the record's name is the text, and each creation is in the
    event log (channel "system")."""
    Supplier = apps.get_model("crm", "Supplier")
    Booking = apps.get_model("crm", "Booking")
    ItineraryItem = apps.get_model("crm", "ItineraryItem")
    Activity = apps.get_model("accounts", "Activity")
    records = {}  # (agency_id, folded name) -> supplier id

    def record_for(agency_id, text):
        name = (text or "").strip()
        if not name:
            return None
        key = (agency_id, name.casefold())
        if key not in records:
            existing = Supplier.objects.filter(agency_id=agency_id, name__iexact=name).first()
            supplier = existing or Supplier.objects.create(
                agency_id=agency_id, name=name, type="other"
            )
            if existing is None:
                Activity.objects.create(
                    agency_id=agency_id,
                    channel="system",
                    event="supplier.created",
                    action="create",
                    object_type="supplier",
                    object_id=supplier.pk,
                    object_repr=name[:200],
                    data={"reason": "migrated from the free-text supplier of bookings and items"},
                )
            records[key] = supplier.pk
        return records[key]

    items = (
        ItineraryItem.objects.exclude(supplier="")
        .values_list("pk", "day__itinerary__agency_id", "supplier")
        .order_by("pk")
    )
    for pk, agency_id, text in items.iterator(chunk_size=1000):
        supplier_id = record_for(agency_id, text)
        if supplier_id is not None:
            ItineraryItem.objects.filter(pk=pk).update(supplier_record_id=supplier_id)
    bookings = Booking.objects.exclude(supplier="").values_list("pk", "agency_id", "supplier")
    for pk, agency_id, text in bookings.order_by("pk").iterator(chunk_size=1000):
        supplier_id = record_for(agency_id, text)
        if supplier_id is not None:
            Booking.objects.filter(pk=pk).update(supplier_record_id=supplier_id)
    if schema_editor.connection.vendor == "postgresql":
        # The foreign keys are checked at commit; the columns are altered next, in this same
        # transaction, which PostgreSQL refuses while checks are pending.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def records_to_free_text(apps, schema_editor):
    """Back to text: each row's supplier name (the records stay)."""
    Booking = apps.get_model("crm", "Booking")
    ItineraryItem = apps.get_model("crm", "ItineraryItem")
    for model in (Booking, ItineraryItem):
        rows = model.objects.filter(supplier_record__isnull=False).values_list(
            "pk", "supplier_record__name"
        )
        for pk, name in rows.iterator(chunk_size=1000):
            model.objects.filter(pk=pk).update(supplier=name)
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_activity_event"),
        ("crm", "0014_notification_kinds"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="booking",
            name="commission_expected",
            field=models.DecimalField(
                db_default=Decimal("0.00"), decimal_places=2, default=Decimal("0.00"), max_digits=12
            ),
        ),
        migrations.AddField(
            model_name="booking",
            name="total_cost",
            field=models.DecimalField(
                db_default=Decimal("0.00"), decimal_places=2, default=Decimal("0.00"), max_digits=12
            ),
        ),
        migrations.CreateModel(
            name="Supplier",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                ("archived_at", models.DateTimeField(blank=True, null=True)),
                ("name", models.CharField(max_length=200)),
                (
                    "type",
                    models.CharField(
                        choices=[
                            ("airline", "Airline"),
                            ("hotel", "Hotel"),
                            ("dmc", "DMC / ground handler"),
                            ("cruise", "Cruise line"),
                            ("tour_operator", "Tour operator"),
                            ("transfer", "Transfer"),
                            ("insurance", "Insurance"),
                            ("rail", "Rail"),
                            ("car_hire", "Car hire"),
                            ("other", "Other"),
                        ],
                        default="other",
                        max_length=20,
                    ),
                ),
                ("email", models.EmailField(blank=True, max_length=254)),
                ("phone", models.CharField(blank=True, max_length=100)),
                ("website", models.URLField(blank=True, max_length=300)),
                ("currency", models.CharField(blank=True, max_length=3)),
                (
                    "default_commission_rate",
                    models.DecimalField(
                        decimal_places=2,
                        default=Decimal("0.00"),
                        help_text="Percent of a service's price the supplier pays the agency.",
                        max_digits=5,
                        validators=[
                            django.core.validators.MinValueValidator(Decimal("0")),
                            django.core.validators.MaxValueValidator(Decimal("100")),
                        ],
                    ),
                ),
                ("payment_terms", models.CharField(blank=True, max_length=200)),
                ("notes", models.TextField(blank=True)),
                (
                    "agency",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="accounts.agency",
                    ),
                ),
                (
                    "archived_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
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
                "ordering": ["-created_at", "-id"],
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="BookingService",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("position", models.PositiveSmallIntegerField(default=0)),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("flight", "Flight"),
                            ("hotel", "Hotel"),
                            ("transfer", "Transfer"),
                            ("activity", "Activity"),
                            ("cruise", "Cruise"),
                            ("insurance", "Insurance"),
                            ("other", "Other"),
                        ],
                        default="other",
                        max_length=10,
                    ),
                ),
                ("description", models.CharField(max_length=300)),
                ("start_date", models.DateField(blank=True, null=True)),
                ("end_date", models.DateField(blank=True, null=True)),
                ("start_time", models.TimeField(blank=True, null=True)),
                ("end_time", models.TimeField(blank=True, null=True)),
                ("confirmation_number", models.CharField(blank=True, max_length=100)),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("requested", "Requested"),
                            ("confirmed", "Confirmed"),
                            ("cancelled", "Cancelled"),
                        ],
                        default="requested",
                        max_length=10,
                    ),
                ),
                ("currency", models.CharField(max_length=3)),
                (
                    "cost",
                    models.DecimalField(
                        decimal_places=2,
                        default=Decimal("0.00"),
                        max_digits=12,
                        validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                    ),
                ),
                (
                    "price",
                    models.DecimalField(
                        decimal_places=2,
                        default=Decimal("0.00"),
                        max_digits=12,
                        validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                    ),
                ),
                (
                    "commission_expected",
                    models.DecimalField(
                        decimal_places=2,
                        default=Decimal("0.00"),
                        max_digits=12,
                        validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                    ),
                ),
                (
                    "commission_source",
                    models.CharField(
                        choices=[("typed", "Typed"), ("supplier_rate", "Supplier's default rate")],
                        default="supplier_rate",
                        max_length=15,
                    ),
                ),
                ("notes", models.TextField(blank=True)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                (
                    "agency",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="accounts.agency",
                    ),
                ),
                (
                    "booking",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="services",
                        to="crm.booking",
                    ),
                ),
                (
                    "supplier",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.RESTRICT,
                        related_name="booking_services",
                        to="crm.supplier",
                    ),
                ),
            ],
            options={
                "ordering": ["booking", "position", "id"],
            },
        ),
        # The free-text supplier of bookings and itinerary items becomes a link to a record:
        # a new column, filled from the text, then the text column goes and the link takes
        # its name.
        migrations.AddField(
            model_name="booking",
            name="supplier_record",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.RESTRICT,
                related_name="bookings",
                to="crm.supplier",
            ),
        ),
        migrations.AddField(
            model_name="itineraryitem",
            name="supplier_record",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.RESTRICT,
                related_name="itinerary_items",
                to="crm.supplier",
            ),
        ),
        migrations.RunPython(free_text_to_records, records_to_free_text),
        migrations.RemoveField(model_name="booking", name="supplier"),
        migrations.RemoveField(model_name="itineraryitem", name="supplier"),
        migrations.RenameField(
            model_name="booking", old_name="supplier_record", new_name="supplier"
        ),
        migrations.RenameField(
            model_name="itineraryitem", old_name="supplier_record", new_name="supplier"
        ),
        migrations.CreateModel(
            name="SupplierContact",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("position", models.PositiveSmallIntegerField(default=0)),
                ("name", models.CharField(max_length=200)),
                ("role", models.CharField(blank=True, max_length=100)),
                ("email", models.EmailField(blank=True, max_length=254)),
                ("phone", models.CharField(blank=True, max_length=100)),
                (
                    "supplier",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="contacts",
                        to="crm.supplier",
                    ),
                ),
            ],
            options={
                "ordering": ["supplier", "position", "id"],
            },
        ),
        migrations.AddIndex(
            model_name="supplier",
            index=models.Index(
                fields=["agency", "-created_at", "-id"], name="supplier_agency_created"
            ),
        ),
        migrations.AddIndex(
            model_name="supplier",
            index=models.Index(fields=["agency", "type"], name="supplier_agency_type"),
        ),
        migrations.AddConstraint(
            model_name="supplier",
            constraint=models.UniqueConstraint(
                models.F("agency"),
                django.db.models.functions.text.Lower("name"),
                name="uniq_supplier_name_ci",
            ),
        ),
        migrations.AddIndex(
            model_name="bookingservice",
            index=models.Index(fields=["agency", "supplier"], name="bsvc_agency_supplier"),
        ),
    ]
