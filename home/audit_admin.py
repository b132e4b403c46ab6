"""The 审计日志 report for moderators, and the labels of the audit trail's own actions.

The report is Wagtail's site history (the same filters: action, user, date range, type, name;
the same export buttons) over every entry of every log, not only those of objects the viewer
may edit, with each entry's details (reason, file hash, address …). Its CSV and XLSX files are
written by home.exports, as every export of the site is: local times as real date cells, a
title row naming the filters used. Only moderators and
superusers open it (disclosure.access.is_moderator).
"""

import datetime
import json

import django_filters
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import IntegerField, Value
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.filters import ContentTypeFilter
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.log_actions import LogFormatter
from wagtail.log_actions import registry as log_action_registry

from home import audit
from home.exports import Column, ColumnType, Table, describe_filters, export_response
from home.roles import is_moderator


def all_entries():
    return [model.objects.all() for model in log_action_registry.get_log_entry_models()]


def content_types_in_log(request):
    ids = set()
    for entries in all_entries():
        ids.update(entries.get_content_type_ids())
    return ContentType.objects.filter(pk__in=ids).order_by("model")


class AuditFilterSet(SiteHistoryReportFilterSet):
    object_type = ContentTypeFilter(
        label=gettext_lazy("Type"), method="filter_object_type", queryset=content_types_in_log
    )
    label = django_filters.CharFilter(label=gettext_lazy("Name"), lookup_expr="icontains")

    def get_action_choices(self):
        actions = set()
        for entries in all_entries():
            actions.update(entries.get_actions())
        return [choice for choice in log_action_registry.get_choices() if choice[0] in actions]

    def get_user_choices(self):
        ids = set()
        for entries in all_entries():
            ids.update(entries.get_user_ids())
        User = get_user_model()
        return User.objects.filter(pk__in=ids).order_by(User.USERNAME_FIELD)


def details(data):
    """The entry's data for exports: JSON, for a machine to read back."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True) if data else ""


def readable_details(data):
    """The entry's data on screen: its values only, in Chinese punctuation (the message column
    already says what they are; the keys are identifiers, not words for a clerk)."""
    if not isinstance(data, dict):
        return ""
    values = []
    for value in data.values():
        if isinstance(value, (list, tuple)):
            values.append("、".join(str(item) for item in value))
        elif isinstance(value, bool):
            values.append(_("yes") if value else _("no"))
        elif value not in (None, ""):
            values.append(str(value))
    return "；".join(values)


class AuditLogView(LogEntriesView):
    results_template_name = "home/admin/audit_log_results.html"
    page_title = gettext_lazy("Audit log")
    header_icon = "list-ul"
    filterset_class = AuditFilterSet
    index_url_name = "nanhu_audit_log"
    index_results_url_name = "nanhu_audit_log_results"
    export_headings = {**LogEntriesView.export_headings, "data": gettext_lazy("Details")}
    list_export = [*LogEntriesView.list_export, "data"]

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.custom_field_preprocess["data"] = {self.FORMAT_CSV: details, self.FORMAT_XLSX: details}

    def dispatch(self, request, *args, **kwargs):
        if not is_moderator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return "shenji-rizhi-" + super().get_filename().removeprefix("audit-log-")

    def as_spreadsheet(self, queryset, spreadsheet_format):
        """The filtered entries through home.exports (Wagtail's own writer puts times in UTC and
        guards only the CSV), titled with the filters in force."""
        table = Table(
            title=str(self.page_title),
            columns=[
                Column(
                    self.get_heading(queryset, field),
                    ColumnType.DATETIME if field == "timestamp" else ColumnType.TEXT,
                )
                for field in self.list_export
            ],
            rows=(
                [
                    self.export_value(field, value, spreadsheet_format)
                    for field, value in self.to_row_dict(entry).items()
                ]
                for entry in queryset
            ),
            filters=describe_filters(self.filters) if self.filters else (),
        )
        return export_response(table, spreadsheet_format, self.get_filename())

    def export_value(self, field, value, spreadsheet_format):
        """Labels and details as Wagtail words them; times as they are, home.exports makes
        them local."""
        if isinstance(value, datetime.date):
            return value
        return self.preprocess_field_value(field, value, spreadsheet_format)

    def decorate_paginated_queryset(self, queryset):
        entries = super().decorate_paginated_queryset(queryset)
        for entry in entries:
            entry.details_text = entry.comment or readable_details(entry.data)
        return entries

    def get_filtered_queryset(self):
        """Every log's entries, filtered, as one list newest first (as the site history does,
        without its limit to what the viewer may edit)."""
        self.log_models = list(log_action_registry.get_log_entry_models())
        queryset = None
        for index, log_model in enumerate(self.log_models):
            entries = log_model.objects.values("pk", "timestamp").annotate(
                log_model_index=Value(index, output_field=IntegerField())
            )
            entries = self.filter_queryset(entries).order_by()
            queryset = entries if queryset is None else queryset.union(entries, all=True)
        return queryset.order_by("-timestamp")


@hooks.register("register_admin_urls")
def register_audit_log_urls():
    return [
        path("reports/audit-log/", AuditLogView.as_view(), name="nanhu_audit_log"),
        path(
            "reports/audit-log/results/",
            AuditLogView.as_view(results_only=True),
            name="nanhu_audit_log_results",
        ),
    ]


class ModeratorsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_moderator(request.user)


@hooks.register("register_reports_menu_item")
def register_audit_log_menu_item():
    return ModeratorsMenuItem(
        gettext_lazy("Audit log"), reverse("nanhu_audit_log"), icon_name="list-ul", order=900
    )


# ---- labels and messages of the audit trail's own actions ----------------------------------------


class DetailsFormatter(LogFormatter):
    """A message made of the entry's details."""

    template = ""

    def format_message(self, log_entry):
        data = {key: value for key, value in (log_entry.data or {}).items() if value is not None}
        try:
            return self.template % data
        except (KeyError, TypeError, ValueError):
            return str(self.label)


@hooks.register("register_log_actions")
def register_audit_actions(actions):
    @actions.register_action(audit.LOGIN_FAILURE_BURST)
    class LoginFailures(DetailsFormatter):
        label = gettext_lazy("Failed logins")

        @property
        def template(self):
            return _("%(failures)s failed logins for “%(username)s”, the last from %(ip)s")

    @actions.register_action(audit.LOCKOUT)
    class Lockout(DetailsFormatter):
        label = gettext_lazy("Login paused")

        @property
        def template(self):
            return _("Logins for “%(username)s” from %(ip)s paused after failures")

    @actions.register_action(audit.GROUPS_CHANGED)
    class GroupsChanged(LogFormatter):
        label = gettext_lazy("Groups changed")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            if data.get("added"):
                return _("Added to: %(groups)s") % {"groups": "、".join(data["added"])}
            return _("Removed from: %(groups)s") % {"groups": "、".join(data.get("removed", []))}

    @actions.register_action(audit.ACCOUNT_CHANGED)
    class AccountChanged(LogFormatter):
        label = gettext_lazy("Account changed")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            names = {
                "password": _("password"),
                "is_superuser": _("superuser"),
                "is_staff": _("staff"),
                "is_active": _("active"),
            }
            parts = []
            for key, label in names.items():
                if key == "password" and key in data:
                    parts.append(_("new password"))
                elif key in data:
                    answer = _("yes") if data[key] else _("no")
                    parts.append(f"{label}: {answer}")
            return _("Account changed: %(changes)s") % {"changes": "，".join(parts)}

    @actions.register_action(audit.IMPORT_MEMBERS)
    class ImportMembers(DetailsFormatter):
        label = gettext_lazy("Members imported")

        @property
        def template(self):
            return _(
                "Imported %(rows)s rows: %(new)s new accounts, %(joins)s joined, "
                "%(role)s changed role (file SHA-256 %(sha256)s)"
            )

    @actions.register_action(audit.IMPORT_REFUSED)
    class ImportRefused(LogFormatter):
        label = gettext_lazy("Import rows refused")

        def format_message(self, log_entry):
            names = (log_entry.data or {}).get("usernames", [])
            return _("Refused accounts that this organisation may not import: %(names)s") % {
                "names": "、".join(names)
            }

    @actions.register_action(audit.CERTIFICATE_REVOKED)
    class CertificateRevoked(DetailsFormatter):
        label = gettext_lazy("Certificate revoked")

        @property
        def template(self):
            return _("Certificate %(code)s revoked: %(reason)s")

    @actions.register_action(audit.RESTRICTED_DOWNLOAD)
    class RestrictedDownload(LogFormatter):
        label = gettext_lazy("Restricted document downloaded")
        message = gettext_lazy("Downloaded a document that is not public")
