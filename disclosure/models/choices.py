"""The fixed vocabularies of disclosures and organisations."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    PARTY = "party", _("Party affairs (党务公开)")
    ENTERPRISE = "enterprise", _("Enterprise affairs (企务公开)")


class Audience(models.TextChoices):
    PUBLIC = "public", _("The public (向社会公开)")
    ORGANIZATION = "organization", _("Employees of the organisation (本单位职工)")
    PARTY = "party", _("Party members of the branch (本支部党员)")


class Validity(models.TextChoices):
    VALID = "valid", _("Valid")
    AMENDED = "amended", _("Amended")
    REPEALED = "repealed", _("Repealed")


class OrganizationType(models.TextChoices):
    ENTERPRISE = "enterprise", _("Private enterprise (非公企业)")
    SOCIAL = "social", _("Social organisation (社会组织)")
