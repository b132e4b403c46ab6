"""Chinese names for what Wagtail's own migrations create in English: the root page and
collection, the two default groups, and the default workflow and its task. Editors meet these
names in the admin (collection choosers, the workflow list, the group list)."""

from django.db import migrations

NAMES = [
    # (app, model, field, English name Wagtail gives it, Chinese name)
    ("wagtailcore", "Page", "title", "Root", "根目录"),
    ("wagtailcore", "Collection", "name", "Root", "全部文件"),
    ("auth", "Group", "name", "Moderators", "默认审核员"),
    ("auth", "Group", "name", "Editors", "默认编辑"),
    ("wagtailcore", "Workflow", "name", "Moderators approval", "默认审核流程"),
    ("wagtailcore", "Task", "name", "Moderators approval", "默认审核"),
]


def rename(apps, schema_editor, forward=True):
    for app, model, field, english, chinese in NAMES:
        old, new = (english, chinese) if forward else (chinese, english)
        apps.get_model(app, model).objects.filter(**{field: old}).update(**{field: new})


def rename_back(apps, schema_editor):
    rename(apps, schema_editor, forward=False)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0007_accountsecurity"),
        ("wagtailcore", "0048_add_default_workflows"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(rename, rename_back)]
