from django.db import migrations, models


def seen_today(apps, schema_editor):
    """Existing plans have seen today's data: changes from now on are news to their owners."""
    stamp = apps.get_model("compensation", "DataStamp").objects.first()
    apps.get_model("careerpath", "Plan").objects.update(seen_data_version=stamp.number if stamp else 0)


class Migration(migrations.Migration):

    dependencies = [
        ('careerpath', '0001_initial'),
        ('compensation', '0003_data_stamp'),
    ]

    operations = [
        migrations.AddField(
            model_name='plan',
            name='seen_data_version',
            field=models.PositiveIntegerField(blank=True, null=True),
        ),
        migrations.RunPython(seen_today, migrations.RunPython.noop),
    ]
