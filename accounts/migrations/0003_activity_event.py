# Activity rows become named events. Existing rows keep everything and are named from what
# they already say (action and object type), in place: no row is added or removed.

import django.core.serializers.json
from django.db import migrations, models

NAMED_ACTIONS = {
    "token_create": "api_token.created",
    "token_revoke": "api_token.revoked",
    "sign_in": "user.signed_in",
    "sign_in_failed": "user.sign_in_failed",
}
PAST = {"create": "created", "update": "updated", "delete": "deleted"}


def name_existing_rows(apps, schema_editor):
    Activity = apps.get_model("accounts", "Activity")
    for action, event in NAMED_ACTIONS.items():
        Activity.objects.filter(action=action, event="").update(event=event)
    pairs = (
        Activity.objects.filter(event="", action__in=PAST)
        .values_list("object_type", "action")
        .distinct()
    )
    for object_type, action in list(pairs):
        Activity.objects.filter(event="", object_type=object_type, action=action).update(
            event=f"{object_type}.{PAST[action]}"
        )


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0002_activity'),
    ]

    operations = [
        migrations.AddField(
            model_name='activity',
            name='data',
            field=models.JSONField(blank=True, default=dict, encoder=django.core.serializers.json.DjangoJSONEncoder),
        ),
        migrations.AddField(
            model_name='activity',
            name='event',
            field=models.CharField(blank=True, max_length=60),
        ),
        migrations.RunPython(name_existing_rows, migrations.RunPython.noop),
    ]
