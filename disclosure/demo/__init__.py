"""Demo content of the disclosure app: organisations of the district and two years of disclosures.

Imported only by `load_demo` (never by the running site); the data tables are in
`disclosure.demo.data`. Synthetic disclosures for benchmarks come from the `bench_data` command.
"""

import datetime
import random

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model

from disclosure.access import moderators_group
from disclosure.demo.data import (
    AMENDMENT_NOTES,
    DEMO_ORGANIZATION,
    DEMO_PEOPLE,
    DOCUMENT_CODES,
    ENTERPRISE_AUDIENCES,
    ENTERPRISE_ITEMS,
    FIRST_DAY,
    ORGANIZATIONS,
    PARTY_AUDIENCES,
    PARTY_ITEMS,
    QUARTERS,
    SEED,
    WITHDRAWAL_REASONS,
)
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
    Validity,
)
from disclosure.pdf import simple_pdf
from disclosure.validators import CREDIT_CODE_CHARS, credit_code_check_char
from home.logins import ensure_login


def load(context):
    """The catalogue (once) and one account per role; hands the organisations and people on."""
    created = 0
    if not DisclosureIndexPage.objects.exists():
        created += create_catalogue(context)
    slugs = [row[1] for row in ORGANIZATIONS]
    context.organizations = {
        page.slug: page for page in OrganizationPage.objects.filter(slug__in=slugs).order_by("path")
    }
    context.demo_organization = context.organizations.get(DEMO_ORGANIZATION)
    created += create_demo_people(context)
    return created


def create_demo_people(context):
    """One account per role, with generated passwords that `make run` prints."""
    organization = context.demo_organization
    if organization is None:
        return 0
    created = 0
    for key, label, username, name, role in DEMO_PEOPLE:
        user, _password, is_new = ensure_login(
            key, label, username, first_name=name, email=f"{username}@example.com"
        )
        context.people[key] = user
        if not is_new:
            continue
        created += 1
        if role is None:
            user.groups.add(moderators_group())
        else:
            Membership.objects.create(user=user, organization=organization, role=role)
    if created:
        context.stdout.write(_("Demo accounts: one per role; `make logins` shows them."))
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


def document_code(organization, kind):
    """The 机关代字 of the organisation's documents (its party branch's for party affairs)."""
    company, branch = DOCUMENT_CODES[organization.slug]
    return branch if kind == Kind.PARTY else company


class DocumentNumbers:
    """文号 as an office gives them: for each 机关代字, numbered from 1 each year. An office issues
    documents that are never disclosed between those that are, so a number climbs with the date
    (about one every 20 days) rather than by one from each disclosure to the next."""

    def __init__(self):
        self.issued = {}

    def next(self, code, day):
        key = (code, day.year)
        number = max(self.issued.get(key, 0) + 1, 1 + day.timetuple().tm_yday // 20)
        self.issued[key] = number
        return f"{code}〔{day.year}〕{number}号"


def demo_dates(rng, count, last_day):
    span = (last_day - FIRST_DAY).days
    return sorted(FIRST_DAY + datetime.timedelta(days=rng.randint(0, span)) for _ in range(count))


def publish_at(page, day):
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 30)))
    page.live = True
    page.published_on = day
    page.first_published_at = moment
    page.last_published_at = moment


def create_catalogue(context):
    """The index page, the organisations and about two years of their disclosures."""
    rng = random.Random(SEED)
    index = context.add_section_index(
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
    numbers = DocumentNumbers()
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
                    numbers.next(document_code(organization, kind), day) if item % 3 == 0 else ""
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
    context.stdout.write(
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
            # The company's rules have a series of their own (制度), apart from its notices.
            document_number=f"{document_code(organization, Kind.ENTERPRISE)}〔{year}〕制度3号",
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
