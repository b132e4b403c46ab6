"""Who belongs to an organisation, and the groups and collection that carry their rights."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Collection


class Role(models.TextChoices):
    EMPLOYEE = "employee", _("Employee (职工)")
    PARTY_MEMBER = "party_member", _("Party member (党员)")
    EDITOR = "editor", _("Editor (联络员/支部书记)")


class Membership(models.Model):
    """A person's place in an organisation; it decides which restricted items they may read.

    Group membership follows it: saving or deleting a membership puts the user in exactly the
    organisation group of its role.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    organization = models.ForeignKey(
        "disclosure.OrganizationPage",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.EMPLOYEE)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    panels = [FieldPanel("user"), FieldPanel("organization"), FieldPanel("role")]

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organization"], name="one_membership_per_organisation"
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.organization} · {self.get_role_display()}"


class OrganizationAccess(models.Model):
    """The groups and collection made for an organisation when its page is created.

    Kept apart from the page so that publishing an old revision can never unlink them.
    """

    organization = models.OneToOneField(
        "disclosure.OrganizationPage", on_delete=models.CASCADE, related_name="access"
    )
    employees = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="+")
    party_members = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="+")
    editors = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="+")
    collection = models.ForeignKey(Collection, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("organisation access")
        verbose_name_plural = _("organisation access")

    def __str__(self):
        return str(self.organization)

    def group_for(self, role):
        return {
            Role.EMPLOYEE: self.employees,
            Role.PARTY_MEMBER: self.party_members,
            Role.EDITOR: self.editors,
        }[role]

    @property
    def groups(self):
        return [self.employees, self.party_members, self.editors]
