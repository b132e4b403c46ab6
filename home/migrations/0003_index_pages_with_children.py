"""Index the few pages that have children, for home.visibility.private_section_paths().

Every reader query asks which restricted pages are sections (have children); without an index
on numchild that question scans the whole page table. (Not a partial index: Django sends the
0 as a parameter, and SQLite only uses a partial index when the condition is a literal.)
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("home", "0002_create_homepage"), ("wagtailcore", "0098_apitoken")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS home_pages_with_children "
            "ON wagtailcore_page (numchild)",
            "DROP INDEX IF EXISTS home_pages_with_children",
        )
    ]
