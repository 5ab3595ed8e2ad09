"""Usernames (and emails) unique ignoring case. Existing rows that differ only in case would make
the constraint fail with a bare IntegrityError, so they are listed first and the migration stops
with what to rename."""

from collections import defaultdict
from collections.abc import Iterable

import django.db.models.functions.text
from django.db import migrations, models


def case_clashes(values: Iterable[str]) -> list[list[str]]:
    """Groups of values that are equal once lowercased, each sorted; groups sorted."""
    groups: dict[str, list[str]] = defaultdict(list)
    for value in values:
        groups[value.lower()].append(value)
    return sorted(sorted(group) for group in groups.values() if len(group) > 1)


def refuse_clashes(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    problems = []
    for field in ("username", "email"):
        clashes = case_clashes(User.objects.values_list(field, flat=True))
        if clashes:
            listed = "; ".join(", ".join(repr(v) for v in group) for group in clashes)
            problems.append(f"these {field}s differ only in case: {listed}")
    if problems:
        raise RuntimeError(
            "Cannot make usernames and emails unique ignoring case: "
            + ". Also ".join(problems)
            + ". Rename all but one of each group (the admin, or manage.py shell), "
            "then run migrate again."
        )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_agency_require_two_factor"),
    ]

    operations = [
        migrations.RunPython(refuse_clashes, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="user",
            constraint=models.UniqueConstraint(
                django.db.models.functions.text.Lower("username"),
                name="user_username_ci_unique",
                violation_error_message="This username is taken.",
            ),
        ),
        migrations.AddConstraint(
            model_name="user",
            constraint=models.UniqueConstraint(
                django.db.models.functions.text.Lower("email"),
                name="user_email_ci_unique",
                violation_error_message="This email already has an account.",
            ),
        ),
    ]
