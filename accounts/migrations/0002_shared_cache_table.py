"""The table of Django's database cache, where rate-limit counters live when there is no Redis.

Every `manage.py migrate` (make run, make serve, tests' servers, CI) makes it, whatever CACHES says
at that moment, so turning REDIS_URL off later finds it there.
"""

from django.core.management import call_command
from django.db import migrations

TABLE = "careerpath_cache"  # CACHES["default"]["LOCATION"] in the settings


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", TABLE, database=schema_editor.connection.alias, verbosity=0)


def drop_cache_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_data_change_alerts")]

    operations = [migrations.RunPython(create_cache_table, drop_cache_table)]
