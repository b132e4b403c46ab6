"""Importing an organisation's members from a CSV file, all rows or none.

Columns (a header row, English or Chinese): name/姓名, username/用户名 or phone/手机号,
email/邮箱, role/角色 (employee 职工 | party_member 党员 | editor 编辑). Every row is checked first;
one bad row and nothing is written, with each bad row named by its line number. Importing the
same file twice changes nothing the second time. New accounts get an unusable password and a
link to set their own.

An import cannot capture accounts: it creates new ones, or changes the role of the
organisation's own members. Any other existing account (another organisation's member, a
moderator, staff, a superuser) is refused with the same name-free row error, so a file says
nothing about whom it names; only the committee (or the server's operator, by the command) may
add an existing person to a further organisation, and only if that account is not privileged.
Every import is written to the audit log with the file's hash.
"""

import csv
import hashlib
import io
import re
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from disclosure.models import Membership, Role
from disclosure.roles import is_moderator, is_privileged
from home import audit

MAX_BYTES = 2 * 1024 * 1024
HEADERS = {
    "name": "name",
    "姓名": "name",
    "username": "username",
    "用户名": "username",
    "phone": "phone",
    "手机号": "phone",
    "手机": "phone",
    "email": "email",
    "邮箱": "email",
    "电子邮箱": "email",
    "role": "role",
    "角色": "role",
}
ROLES = {
    "employee": Role.EMPLOYEE,
    "职工": Role.EMPLOYEE,
    "员工": Role.EMPLOYEE,
    "party_member": Role.PARTY_MEMBER,
    "党员": Role.PARTY_MEMBER,
    "editor": Role.EDITOR,
    "编辑": Role.EDITOR,
    "联络员": Role.EDITOR,
    "支部书记": Role.EDITOR,
}
PHONE = re.compile(r"^1\d{10}$")


@dataclass
class Row:
    line: int
    name: str
    username: str
    email: str
    role: str
    # new | joins | role | unchanged | refused (joins: the committee's imports only)
    status: str = ""
    errors: list = field(default_factory=list)
    user_id: int | None = None  # the existing account it names, found without case


@dataclass
class ImportPlan:
    rows: list
    file_errors: list

    @property
    def errors(self):
        return self.file_errors + [
            _("Line %(line)d: %(error)s") % {"line": row.line, "error": error}
            for row in self.rows
            for error in row.errors
        ]

    @property
    def ok(self):
        return not self.errors

    def count(self, status):
        return sum(1 for row in self.rows if row.status == status)


def decode(data):
    """Text of an uploaded file: UTF-8 (with or without BOM), else GB18030 (Excel in Chinese)."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError(_("The file is neither UTF-8 nor GBK text. Save it as CSV (UTF-8)."))


def plan_import(organization, data, actor=None):
    """Check every row against the database without writing anything.

    ``actor`` is who imports in the admin; None is the server's operator (the command).
    """
    if len(data) > MAX_BYTES:
        return ImportPlan([], [_("The file is larger than 2 MB.")])
    try:
        text = decode(data)
    except ValidationError as error:
        return ImportPlan([], list(error.messages))
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if not header:
        return ImportPlan([], [_("The file is empty.")])
    columns = [HEADERS.get(cell.strip().lower()) for cell in header]
    if "name" not in columns or not ({"username", "phone"} & set(columns)) or "role" not in columns:
        return ImportPlan(
            [], [_("Line 1: the header needs name, username or phone, email and role columns.")]
        )
    rows = []
    for line, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        values = {
            column: cell.strip() for column, cell in zip(columns, cells, strict=False) if column
        }
        rows.append(check_row(line, values))
    if not rows:
        return ImportPlan([], [_("The file has no member rows.")])
    mark_duplicates(rows)
    plan = ImportPlan(rows, [])
    if plan.ok:
        may_link_others = actor is None or is_moderator(actor)
        compare_with_database(organization, rows, may_link_others)
    return plan


def check_row(line, values):
    username = values.get("username") or values.get("phone") or ""
    row = Row(line, values.get("name", ""), username, values.get("email", ""), "")
    if not row.name:
        row.errors.append(_("the name is missing."))
    if not username:
        row.errors.append(_("give a username or a mobile phone number."))
    elif values.get("phone") and not values.get("username") and not PHONE.match(username):
        row.errors.append(_("“%(phone)s” is not a mobile phone number.") % {"phone": username})
    else:
        try:
            UnicodeUsernameValidator()(username)
        except ValidationError:
            row.errors.append(_("“%(name)s” cannot be a username.") % {"name": username})
    if row.email:
        try:
            validate_email(row.email)
        except ValidationError:
            row.errors.append(_("“%(email)s” is not an email address.") % {"email": row.email})
    role = ROLES.get(values.get("role", "").strip().lower())
    if role is None:
        row.errors.append(
            _("unknown role “%(role)s” (职工, 党员 or 编辑).") % {"role": values.get("role", "")}
        )
    else:
        row.role = role
    return row


def mark_duplicates(rows):
    seen = {}
    for row in rows:
        name = row.username.lower()  # "ZhangWei" and "zhangwei" would be two look-alike accounts
        if name in seen:
            row.errors.append(
                _("%(name)s is already on line %(line)d.")
                % {"name": row.username, "line": seen[name]}
            )
        else:
            seen[name] = row.line


def refused():
    return _("this account cannot be imported by your organisation; please contact 两新工委.")


def compare_with_database(organization, rows, may_link_others):
    User = get_user_model()
    # Compared without case: "Admin" would be a look-alike of the superuser "admin".
    wanted = {row.username.lower() for row in rows}
    users = {
        user.username.lower(): user
        for user in User.objects.annotate(folded=Lower("username")).filter(folded__in=wanted)
    }
    memberships = {
        m.user.username.lower(): m
        for m in Membership.objects.filter(organization=organization).select_related("user")
    }
    for row in rows:
        user = users.get(row.username.lower())
        row.user_id = user.pk if user is not None else None
        if user is None:
            row.status = "new"
        elif is_privileged(user):
            row.status = "refused"
            row.errors.append(refused())
        elif row.username.lower() not in memberships:
            if may_link_others:
                row.status = "joins"
            else:
                row.status = "refused"
                row.errors.append(refused())
        elif memberships[row.username.lower()].role != row.role:
            row.status = "role"
        else:
            row.status = "unchanged"


def set_password_link(user, base_url):
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("accounts:password_reset_confirm", kwargs={"uidb64": uid, "token": token})
    return base_url.rstrip("/") + path


@transaction.atomic
def apply_import(organization, plan, base_url, data, actor=None):
    """Write a checked plan; returns (username, link) for new accounts without email.

    The import is written to the audit trail: who, the file's SHA-256, and each row's outcome.
    """
    if not plan.ok:
        raise ValueError("an import with errors is never written")
    audit.record(
        audit.IMPORT_MEMBERS,
        organization,
        user=actor,
        data={
            "sha256": hashlib.sha256(data).hexdigest(),
            "rows": len(plan.rows),
            **{status: plan.count(status) for status in ("new", "joins", "role", "unchanged")},
            "changes": [
                [row.username, row.status, row.role]
                for row in plan.rows
                if row.status != "unchanged"
            ],
        },
    )
    User = get_user_model()
    unsent = []
    for row in plan.rows:
        if row.status == "unchanged":
            continue
        if row.status == "new":
            user = User(username=row.username, first_name=row.name, email=row.email)
            user.set_unusable_password()
            user.save()
            link = set_password_link(user, base_url)
            if row.email:
                send_mail(
                    _("Your account on the disclosure platform"),
                    _(
                        "%(name)s, an account has been made for you as a member of %(org)s. "
                        "Set your password here (the link works once): %(link)s"
                    )
                    % {"name": row.name, "org": organization.title, "link": link},
                    None,
                    [row.email],
                )
            else:
                unsent.append((row.username, link))
        else:
            user = User.objects.get(pk=row.user_id)
        Membership.objects.update_or_create(
            user=user, organization=organization, defaults={"role": row.role}
        )
    return unsent
