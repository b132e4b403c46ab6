"""Give the default site its settings row, so the first page view does not create it."""

from django.db import migrations


def create_settings(apps, schema_editor):
    Site = apps.get_model("wagtailcore", "Site")
    SiteSettings = apps.get_model("home", "SiteSettings")
    for site in Site.objects.all():
        SiteSettings.objects.get_or_create(site=site)


class Migration(migrations.Migration):
    dependencies = [("home", "0003_index_pages_with_children")]

    operations = [migrations.RunPython(create_settings, migrations.RunPython.noop)]
