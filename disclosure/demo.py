"""Demo content of the disclosure app: organisations of the district and two years of disclosures.

Everything here is invented for the demo (names, people, figures), written to read like the
real thing. `load_demo --disclosures N` adds synthetic disclosures up to N in all, for benchmarks.
"""

import datetime
import random
from contextlib import contextmanager

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.translation import gettext as _
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.signal_handlers import disable_reference_index_auto_update

from disclosure.access import moderators_group
from disclosure.models import (
    Audience,
    Category,
    DisclosureAmendment,
    DisclosureAttachment,
    DisclosureIndexPage,
    DisclosurePage,
    Kind,
    Membership,
    OrganizationPage,
    OrganizationType,
    Role,
    Validity,
)
from disclosure.pdf import simple_pdf
from disclosure.validators import CREDIT_CODE_CHARS, credit_code_check_char
from home.demo import add_section_index
from home.logins import ensure_login
from home.progress import Progress
from home.slugs import pinyin_slug

SEED = 2026
FIRST_DAY = datetime.date(2025, 1, 6)
QUARTERS = "一二三四"
BATCH = 500

# (name, slug, type, street, branch, secretary, members, founded, contact, intro, model branch)
ORGANIZATIONS = [
    (
        "岳阳南湖建设工程集团有限公司",
        "nan-hu-jian-she",
        OrganizationType.ENTERPRISE,
        "南湖街道",
        "岳阳南湖建设工程集团有限公司党支部",
        "刘建军",
        46,
        (2006, 3, 18),
        "党群办 0730-8812001",
        "以房屋建筑和市政工程为主业，在职员工六百余人。",
        ((2024, 7, 1), None, ""),
    ),
    (
        "湖南巴陵智能装备有限公司",
        "ba-ling-zhi-neng",
        OrganizationType.ENTERPRISE,
        "龙山管理处",
        "湖南巴陵智能装备有限公司党支部",
        "陈晓燕",
        23,
        (2015, 9, 2),
        "行政部 0730-8812002",
        "生产智能仓储和物流分拣设备，是“1+4”产业链党建联盟成员。",
        ((2025, 7, 1), None, ""),
    ),
    (
        "岳阳洞庭文旅发展有限公司",
        "dong-ting-wen-lv",
        OrganizationType.ENTERPRISE,
        "湖滨街道",
        "岳阳洞庭文旅发展有限公司党支部",
        "周志刚",
        15,
        (2017, 5, 20),
        "综合部 0730-8812003",
        "经营洞庭湖畔景区和研学基地。",
        None,
    ),
    (
        "岳阳南湖新材料科技有限公司",
        "nan-hu-xin-cai-liao",
        OrganizationType.ENTERPRISE,
        "金凤街道",
        "岳阳南湖新材料科技有限公司党支部",
        "李海波",
        19,
        (2012, 11, 8),
        "人事部 0730-8812004",
        "研发生产新型环保建材。",
        (
            (2024, 7, 1),
            (2026, 6, 20),
            "动态复核发现企业存在欠缴职工社会保险费问题，按规定撤销示范标杆称号，整改后可重新申报。",
        ),
    ),
    (
        "湖南君山生态农业开发有限公司",
        "jun-shan-sheng-tai",
        OrganizationType.ENTERPRISE,
        "月山管理处",
        "湖南君山生态农业开发有限公司党支部",
        "王桂英",
        12,
        (2010, 4, 16),
        "办公室 0730-8812005",
        "从事茶叶种植加工和生态农业观光。",
        None,
    ),
    (
        "岳阳楼外楼餐饮管理有限公司",
        "lou-wai-lou-can-yin",
        OrganizationType.ENTERPRISE,
        "南湖街道",
        "岳阳楼外楼餐饮管理有限公司党支部",
        "赵敏",
        9,
        (2013, 8, 28),
        "店长办公室 0730-8812006",
        "经营连锁餐饮门店十二家，门店设有党务公开宣传栏。",
        None,
    ),
    (
        "岳阳南湖物流供应链有限公司",
        "nan-hu-wu-liu",
        OrganizationType.ENTERPRISE,
        "湖滨街道",
        "南湖新区物流行业联合党支部",
        "黄国华",
        17,
        (2016, 2, 25),
        "运营部 0730-8812007",
        "城市配送和冷链仓储企业，与同行业三家企业组建联合党支部。",
        None,
    ),
    (
        "岳阳市南湖新区个体劳动者协会",
        "ge-ti-lao-dong-zhe-xie-hui",
        OrganizationType.SOCIAL,
        "南湖街道",
        "岳阳市南湖新区个体劳动者协会党支部",
        "孙立群",
        31,
        (2008, 6, 12),
        "秘书处 0730-8812008",
        "服务辖区个体工商户，开展诚信经营和技能培训。",
        None,
    ),
    (
        "岳阳南湖启明学校",
        "qi-ming-xue-xiao",
        OrganizationType.SOCIAL,
        "金凤街道",
        "岳阳南湖启明学校党支部",
        "吴静",
        38,
        (2014, 9, 1),
        "校办 0730-8812009",
        "民办九年一贯制学校，在校学生一千八百余人。",
        ((2025, 7, 1), None, ""),
    ),
    (
        "南湖新区社会工作服务中心",
        "she-hui-gong-zuo-fu-wu",
        OrganizationType.SOCIAL,
        "龙山管理处",
        "南湖新区社会工作服务中心党支部",
        "郑文斌",
        8,
        (2018, 3, 6),
        "服务台 0730-8812010",
        "承接社区养老、青少年和困难群众帮扶等社工服务项目。",
        None,
    ),
    (
        "南湖新区志愿者协会",
        "zhi-yuan-zhe-xie-hui",
        OrganizationType.SOCIAL,
        "湖滨街道",
        "南湖新区志愿者协会党支部",
        "钱晓红",
        14,
        (2011, 12, 5),
        "秘书处 0730-8812011",
        "组织洞庭湖护水、文明交通和应急救援志愿服务。",
        None,
    ),
    (
        "岳阳市南湖新区民营企业商会",
        "min-ying-qi-ye-shang-hui",
        OrganizationType.SOCIAL,
        "南湖街道",
        "岳阳市南湖新区民营企业商会党支部",
        "冯志强",
        11,
        (2009, 10, 10),
        "秘书处 0730-8812012",
        "会员企业一百二十余家，牵头开展“清廉民企”创建。",
        None,
    ),
    (
        "南湖新区康乐养老服务中心",
        "kang-le-yang-lao",
        OrganizationType.SOCIAL,
        "月山管理处",
        "",
        "",
        0,
        (2021, 4, 1),
        "服务中心 0730-8812013",
        "民办养老机构，床位一百二十张；尚未建立党组织，由街道综合党委派驻党建指导员。",
        None,
    ),
]

PARTY_ITEMS = {
    "决议决定及执行": [
        "关于表彰{year}年度优秀共产党员的决定",
        "支部委员会关于调整党小组设置的决议",
        "关于落实“一月一检查”整改事项的执行情况",
    ],
    "工作计划": ["{year}年党支部工作计划", "{period}主题党日活动安排"],
    "思想建设与三会一课": ["{period}“三会一课”开展情况", "{period}理论学习安排"],
    "组织建设": ["关于发展党员对象的公示", "党支部换届选举结果公告", "{period}党员教育管理情况"],
    "党费收缴使用": ["{period}党费收缴情况公示", "{year}年度党费使用情况"],
    "作风建设": ["关于开展作风建设专项检查的情况通报", "{period}为职工群众办实事清单"],
    "党风廉政": ["{period}廉政文化“一课一片一实践”开展情况", "廉洁从业承诺书签订情况"],
    "其他": ["党员活动室开放时间调整的通知", "党建联盟共建活动情况"],
}
ENTERPRISE_ITEMS = {
    "集体合同与工资": ["{year}年度工资集体协商结果公示", "{period}工资发放情况公示"],
    "规章制度": ["员工考勤管理办法", "安全生产责任制度", "员工奖惩办法"],
    "社会保险与公积金": ["{period}社会保险缴纳情况公示", "{year}年住房公积金缴存基数调整公告"],
    "安全生产与职业健康": ["{period}安全生产检查情况", "{year}年职业健康体检安排"],
    "职工培训": ["{year}年职工技能培训计划", "{period}岗位练兵和技能比武情况"],
    "评先评优": ["{year}年度优秀员工评选结果公示", "{period}党员示范岗评选结果"],
    "重大决策": ["关于新建生产线的决定（职工代表大会审议）", "关于调整工作时间的决定"],
    "其他": ["职工食堂价格调整公示", "职工书屋开放安排"],
}
PARTY_AUDIENCES = [Audience.PUBLIC] * 6 + [Audience.PARTY] * 3 + [Audience.ORGANIZATION]
ENTERPRISE_AUDIENCES = [Audience.PUBLIC] * 6 + [Audience.ORGANIZATION] * 4

WITHDRAWAL_REASONS = [
    "公示内容中职工个人信息未做脱敏处理，撤回后重新发布。",
    "统计口径有误，已另行发布更正后的公示。",
    "活动因天气原因取消，原安排不再执行。",
]
AMENDMENT_NOTES = [
    "更正第二项中的金额，原为12,600元，应为12,060元。",
    "补充附件：签字盖章的会议记录扫描件。",
    "根据职工代表意见，公示期延长至30日。",
    "更正参会人数：应到23人，实到21人。",
]


def add_demo_arguments(parser):
    parser.add_argument(
        "--disclosures",
        type=int,
        default=0,
        metavar="N",
        help=_("Add synthetic disclosures until there are N in all (for benchmarks)."),
    )


def load_disclosure_demo(stdout, options):
    created = 0
    index = DisclosureIndexPage.objects.first()
    if index is None:
        created += create_catalogue(stdout)
    created += create_demo_people(stdout)
    target = options.get("disclosures") or 0
    if target:
        created += add_synthetic(stdout, target)
    return created


DEMO_ORGANIZATION = "nan-hu-jian-she"
# (login key, label, username, display name, role); role None is the committee moderator.
DEMO_PEOPLE = [
    ("moderator", _("Committee moderator (两新工委)"), "gongwei", "周审核", None),
    (
        "editor",
        _("Editor of 岳阳南湖建设工程集团有限公司"),
        "jianshe-bianji",
        "刘联络",
        Role.EDITOR,
    ),
    (
        "party_member",
        _("Party member of 岳阳南湖建设工程集团有限公司"),
        "jianshe-dangyuan",
        "陈党员",
        Role.PARTY_MEMBER,
    ),
    (
        "employee",
        _("Employee of 岳阳南湖建设工程集团有限公司"),
        "jianshe-zhigong",
        "王职工",
        Role.EMPLOYEE,
    ),
]


def create_demo_people(stdout):
    """One account per role, with generated passwords that `make run` prints."""
    organization = OrganizationPage.objects.filter(slug=DEMO_ORGANIZATION).first()
    if organization is None:
        return 0
    created = 0
    for key, label, username, name, role in DEMO_PEOPLE:
        user, _password, is_new = ensure_login(
            key, label, username, first_name=name, email=f"{username}@example.com"
        )
        if not is_new:
            continue
        created += 1
        if role is None:
            user.groups.add(moderators_group())
        else:
            Membership.objects.create(user=user, organization=organization, role=role)
    if created:
        stdout.write(_("Demo accounts: one per role; `make logins` shows them."))
    return created


def credit_code(rng, org_type):
    prefix = "91430600" if org_type == OrganizationType.ENTERPRISE else "52430600"
    body = prefix + "".join(rng.choice(CREDIT_CODE_CHARS) for _ in range(9))
    return body + credit_code_check_char(body)


def make_organizations(index, rng):
    organizations = []
    for row in ORGANIZATIONS:
        (
            name,
            slug,
            org_type,
            street,
            branch,
            secretary,
            members,
            founded,
            contact,
            intro,
            model_branch,
        ) = row
        awarded, revoked, reason = model_branch or (None, None, "")
        organization = OrganizationPage(
            title=name,
            slug=slug,
            org_type=org_type,
            credit_code=credit_code(rng, org_type),
            street=street,
            branch_name=branch,
            secretary=secretary,
            member_count=members,
            founded_on=datetime.date(*founded),
            contact=contact,
            intro=intro,
            model_branch_awarded_on=datetime.date(*awarded) if awarded else None,
            model_branch_revoked_on=datetime.date(*revoked) if revoked else None,
            model_branch_revoke_reason=reason,
        )
        index.add_child(instance=organization)
        organizations.append(organization)
    return organizations


def period_for(template, day):
    """The period an item published on ``day`` reports on: the last whole month, quarter or year."""
    if "年度" in template:
        year = day.year - 1
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31), f"{year}年度"
    if "季度" in template or "党费" in template or "社会保险" in template:
        quarter_start = datetime.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
        end = quarter_start - datetime.timedelta(days=1)
        start = datetime.date(end.year, end.month - 2, 1)
        return start, end, f"{end.year}年第{QUARTERS[(end.month - 1) // 3]}季度"
    end = day.replace(day=1) - datetime.timedelta(days=1)
    return end.replace(day=1), end, f"{end.year}年{end.month}月"


def item_body(organization, title, category_name, period_label, rng):
    paragraphs = [
        f"<p>根据《南湖新区两新组织党务公开、企务公开工作指引》，{organization.title}现将"
        f"“{title}”有关情况公开如下。</p>",
        f"<p>本事项经{organization.branch_name or '单位负责人'}研究确定，"
        f"所涉期间为{period_label}。如有疑问，请联系{organization.contact}。</p>",
    ]
    body = [("paragraph", "".join(paragraphs))]
    if category_name in ("党费收缴使用", "集体合同与工资", "社会保险与公积金"):
        rows = [["项目", "人数", "金额（元）"]]
        for label in ("第一月", "第二月", "第三月"):
            rows.append([label, str(rng.randint(8, 60)), f"{rng.randint(800, 90000):,}"])
        body.append(
            (
                "table",
                {
                    "first_row_is_table_header": True,
                    "first_col_is_header": True,
                    "table_caption": f"{period_label}明细",
                    "data": rows,
                },
            )
        )
    body.append(("paragraph", "<p>公示期内如有异议，可向单位党支部或两新工委反映。</p>"))
    return body


def demo_dates(rng, count, last_day):
    span = (last_day - FIRST_DAY).days
    return sorted(FIRST_DAY + datetime.timedelta(days=rng.randint(0, span)) for _ in range(count))


def publish_at(page, day):
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 30)))
    page.live = True
    page.published_on = day
    page.first_published_at = moment
    page.last_published_at = moment


def create_catalogue(stdout):
    """The index page, the organisations and about two years of their disclosures."""
    rng = random.Random(SEED)
    index = add_section_index(
        DisclosureIndexPage,
        "信息公开",
        "disclosures",
        "辖区两新组织向社会公开的党务公开、企务公开信息。按单位、类别和年份筛选，"
        "可订阅更新或导出公开目录。",
    )
    organizations = make_organizations(index, rng)
    categories = {(c.kind, c.name): c for c in Category.objects.all()}
    today = timezone.localdate()
    pages = []
    for number, organization in enumerate(organizations):
        kinds = [Kind.PARTY, Kind.ENTERPRISE] if organization.branch_name else [Kind.ENTERPRISE]
        for item, day in enumerate(demo_dates(rng, 12, today - datetime.timedelta(days=2))):
            kind = kinds[item % len(kinds)]
            catalogue = PARTY_ITEMS if kind == Kind.PARTY else ENTERPRISE_ITEMS
            names = list(catalogue)
            category_name = names[(item // len(kinds) + number) % len(names)]
            template = rng.choice(catalogue[category_name])
            start, end, label = period_for(template + category_name, day)
            title = template.format(year=start.year, period=label)
            audiences = PARTY_AUDIENCES if kind == Kind.PARTY else ENTERPRISE_AUDIENCES
            page = DisclosurePage(
                title=title,
                kind=kind,
                category=categories[(kind, category_name)],
                audience=rng.choice(audiences),
                document_number=(
                    f"{organization.slug[:6].upper()}〔{day.year}〕{item + 1}号"
                    if item % 3 == 0
                    else ""
                ),
                date_written=day - datetime.timedelta(days=rng.randint(1, 6)),
                period_start=start,
                period_end=end,
                summary=f"{organization.title}{label}{category_name}方面的公开事项。",
                body=item_body(organization, title, category_name, label, rng),
            )
            if kind == Kind.ENTERPRISE and item % 4 == 1:
                page.display_until = day + datetime.timedelta(days=30)
            publish_at(page, day)
            organization.add_child(instance=page)
            pages.append(page)
    mark_special_states(pages, organizations, categories, rng)
    stdout.write(
        _("Disclosures: %(orgs)d organisations, %(count)d disclosures.")
        % {"orgs": len(organizations), "count": DisclosurePage.objects.count()}
    )
    return 1 + len(organizations) + len(pages)


def mark_special_states(pages, organizations, categories, rng):
    """Attachments, amendments, withdrawals and superseded rules, so the demo shows every state."""
    public = [page for page in pages if page.audience == Audience.PUBLIC]
    for number, page in enumerate(pages[::3]):
        attach_pdf(page, number)
    for page, note in zip(public[5::17], AMENDMENT_NOTES, strict=False):
        amended_at = page.first_published_at + datetime.timedelta(days=3)
        DisclosureAmendment.objects.create(page=page, published_at=amended_at, note=note)
        DisclosurePage.objects.filter(pk=page.pk).update(
            last_amended_on=amended_at.date(), last_published_at=amended_at
        )
    for page, reason in zip(public[11::23], WITHDRAWAL_REASONS, strict=False):
        withdrawn_at = page.first_published_at + datetime.timedelta(days=5)
        DisclosurePage.objects.filter(pk=page.pk).update(
            withdrawn_at=withdrawn_at, withdrawal_reason=reason, withdrawal_kind="withdrawn"
        )
    for organization, validity in (
        (organizations[0], Validity.REPEALED),
        (organizations[1], Validity.AMENDED),
    ):
        supersede_rule(organization, categories, validity)


def supersede_rule(organization, categories, validity):
    """A 2025 rule replaced (repealed) or revised (amended) by a 2026 one."""
    category = categories[(Kind.ENTERPRISE, "规章制度")]
    versions = []
    for year, note in ((2025, ""), (2026, "（修订）")):
        day = datetime.date(year, 3, 12)
        page = DisclosurePage(
            title=f"员工考勤管理办法{note}",
            slug=f"kao-qin-guan-li-ban-fa-{year}",
            kind=Kind.ENTERPRISE,
            category=category,
            audience=Audience.PUBLIC,
            document_number=f"{organization.slug[:6].upper()}〔{year}〕制度3号",
            date_written=day - datetime.timedelta(days=5),
            summary=f"{organization.title}员工考勤管理的规定，经职工代表大会审议通过。",
            body=[
                (
                    "paragraph",
                    "<p>第一条 为规范考勤管理，保障职工休息休假权益，制定本办法。</p>"
                    "<p>第二条 本办法适用于全体在岗职工。</p>",
                )
            ],
        )
        publish_at(page, day)
        organization.add_child(instance=page)
        versions.append(page)
    old, new = versions
    DisclosurePage.objects.filter(pk=old.pk).update(validity=validity, superseded_by=new)


def attach_pdf(page, number):
    Document = get_document_model()
    document = Document(title=f"{page.title}（附件）")
    lines = [
        f"索引号：{page.index_number}",
        f"公开主体：{page.organization.title}",
        f"所属期间：{page.period_label}",
        "本文件为演示附件。",
    ]
    document.file.save(
        f"attachment-{page.pk}.pdf", ContentFile(simple_pdf(page.title, lines)), save=False
    )
    document.file_size = document.file.size
    document.save()
    DisclosureAttachment.objects.create(page=page, document=document, sort_order=number % 2)


def add_synthetic(stdout, target):
    """Synthetic disclosures, spread over the organisations and two years, until ``target``."""
    existing = DisclosurePage.objects.count()
    missing = target - existing
    if missing <= 0:
        return 0
    rng = random.Random(SEED + existing)
    organizations = list(OrganizationPage.objects.order_by("path"))
    categories = list(Category.objects.all())
    today = timezone.localdate()
    progress = Progress(missing, stdout, _("Synthetic disclosures"))
    backend = get_search_backend()
    for start in range(0, missing, BATCH):
        batch = {organization.pk: [] for organization in organizations}
        for number in range(start, min(start + BATCH, missing)):
            category = rng.choice(categories)
            day = FIRST_DAY + datetime.timedelta(days=rng.randint(0, (today - FIRST_DAY).days))
            title = f"{category.name}事项公示（{day.year}年{day.month}月第{number % 9 + 1}号）"
            page = DisclosurePage(
                title=title,
                slug=f"{pinyin_slug(category.name)}-{existing + number + 1}",
                kind=category.kind,
                category=category,
                audience=rng.choice(PARTY_AUDIENCES),
                date_written=day,
                summary=f"{category.name}方面的例行公开事项。",
                body=[("paragraph", f"<p>{title}。本条为性能测试生成的内容。</p>")],
            )
            publish_at(page, day)
            batch[rng.choice(organizations).pk].append(page)
        with transaction.atomic():
            for organization in organizations:
                append_children(organization, batch[organization.pk])
                progress.advance(len(batch[organization.pk]))
        backend.add_bulk(DisclosurePage, [page for pages in batch.values() for page in pages])
    progress.finish(_("Added %(count)d synthetic disclosures.") % {"count": missing})
    return missing


def append_children(parent, pages):
    """Add leaf pages under ``parent`` the quick way, for bulk demo data only.

    Sets the tree fields that treebeard's ``add_child`` would and saves each page without
    validation; reference-index and search updates are left to the caller (done in bulk).
    """
    if not pages:
        return
    last = parent.get_last_child()
    for page in pages:
        page.path = last._inc_path() if last else Page._get_path(parent.path, parent.depth + 1, 1)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.locale_id = parent.locale_id
        page.draft_title = page.title
        page.organization = parent
        page._cached_parent_obj = parent
        with disable_reference_index_auto_update(), muted_search_updates(DisclosurePage):
            page.save(clean=False)
        last = page
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)


@contextmanager
def muted_search_updates(model):
    post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        yield
    finally:
        post_save.connect(post_save_signal_handler, sender=model)
