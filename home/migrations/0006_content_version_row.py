from django.db import migrations


def create_row(apps, schema_editor):
    apps.get_model("home", "ContentVersion").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [("home", "0005_content_version")]

    operations = [migrations.RunPython(create_row, migrations.RunPython.noop)]
