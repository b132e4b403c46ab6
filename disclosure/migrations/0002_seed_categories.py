"""Seed the usual disclosure catalogue; moderators edit it afterwards as snippets."""

from django.db import migrations

CATEGORIES = {
    "party": [
        "决议决定及执行",
        "工作计划",
        "思想建设与三会一课",
        "组织建设",
        "党费收缴使用",
        "作风建设",
        "党风廉政",
        "其他",
    ],
    "enterprise": [
        "集体合同与工资",
        "规章制度",
        "社会保险与公积金",
        "安全生产与职业健康",
        "职工培训",
        "评先评优",
        "重大决策",
        "其他",
    ],
}


def seed(apps, schema_editor):
    Category = apps.get_model("disclosure", "Category")
    # Party categories first, then enterprise ones, in the catalogue's usual order.
    for offset, (kind, names) in enumerate(CATEGORIES.items()):
        for order, name in enumerate(names, start=1):
            Category.objects.get_or_create(
                kind=kind, name=name, defaults={"order": offset * 100 + order * 10}
            )


class Migration(migrations.Migration):
    dependencies = [("disclosure", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
