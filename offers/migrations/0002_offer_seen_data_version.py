from django.db import migrations, models


def seen_now(apps, schema_editor):
    """Offers saved before notices existed count as seen at today's data: the next change tells them."""
    latest = apps.get_model("dataversions", "DataVersion").objects.order_by("-number").first()
    if latest is not None:
        apps.get_model("offers", "Offer").objects.update(seen_data_version=latest.number)


class Migration(migrations.Migration):
    dependencies = [
        ("offers", "0001_initial"),
        ("dataversions", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="offer",
            name="seen_data_version",
            field=models.PositiveIntegerField(blank=True, null=True),
        ),
        migrations.RunPython(seen_now, migrations.RunPython.noop),
    ]
