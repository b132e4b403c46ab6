"""Seed the search synonyms with the usual party-affairs and workplace vocabulary."""

from django.db import migrations

# (term, equivalents, both ways)
SYNONYMS = [
    ("社保", "社会保险、五险一金、养老保险、医疗保险", True),
    ("五险一金", "社会保险、住房公积金、社保、公积金", True),
    ("公积金", "住房公积金", True),
    ("职代会", "职工代表大会", True),
    ("三会一课", "支部党员大会、支委会、党小组会、党课", False),
    ("党建", "党的建设、党组织建设、支部建设", False),
    ("两新", "两新组织、非公企业和社会组织、非公有制企业", True),
    ("非公企业", "非公有制企业、民营企业", True),
    ("社工", "社会工作者、社会工作", True),
    ("加班费", "加班工资", True),
    ("工资", "薪酬、薪资", True),
    ("入党", "发展党员、入党积极分子、预备党员", True),
    ("安全月", "安全生产月", True),
    ("体检", "职业健康检查、健康体检", True),
    ("财务公开", "财务收支、财务报告", False),
    ("廉洁", "廉政、清廉", True),
    ("反腐倡廉", "党风廉政、廉洁、廉政", False),
    ("纪委", "纪律检查委员会、纪检委员", True),
    ("加薪", "调薪、工资调整、薪酬调整、上调工资", True),
    ("一课一片一实践", "一月一课一片一实践", True),
]


def seed(apps, schema_editor):
    SearchSynonym = apps.get_model("home", "SearchSynonym")
    for term, equivalents, both_ways in SYNONYMS:
        SearchSynonym.objects.get_or_create(
            term=term, defaults={"equivalents": equivalents, "both_ways": both_ways}
        )


class Migration(migrations.Migration):
    dependencies = [("home", "0009_search_synonyms")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
