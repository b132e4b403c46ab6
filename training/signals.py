"""Keep learners and required enrolments in step with memberships, tracks and published courses."""

from django.db.models.signals import post_delete, post_migrate, post_save
from wagtail.signals import page_published

from disclosure.access import grant_moderator_permissions
from disclosure.models import Membership
from home.signals import connect
from training.models import CoursePage, Learner
from training.progress import enrol_in_required, enrol_learners_in, follow_memberships

MODERATOR_PERMISSIONS = [
    "view_learner",
    "change_learner",
    "add_question",
    "change_question",
    "delete_question",
    "view_question",
    "view_certificate",
    "change_certificate",
    "change_trainingsettings",
]


def membership_saved(sender, instance, created, raw=False, **kwargs):
    """A new member is a learner at once, enrolled in the required courses of their track; a
    changed role or organisation moves the learner along."""
    if raw:
        return
    follow_memberships(instance.user)


def membership_deleted(sender, instance, **kwargs):
    follow_memberships(instance.user)


def learner_saved(sender, instance, created, raw=False, **kwargs):
    """A learner moved to another track (made an activist, say) gets its required courses."""
    if raw or not instance.active:
        return
    enrol_in_required(instance)


def course_published(sender, instance, **kwargs):
    if isinstance(instance, CoursePage):
        enrol_learners_in(instance)


def grant_moderators(app_config, using="default", **kwargs):
    grant_moderator_permissions(app_config, MODERATOR_PERMISSIONS, using=using)


def register_signal_handlers(app_config):
    """Every handler of the training app; called once from ``TrainingConfig.ready()``."""
    connect(post_migrate, grant_moderators, app_config)
    connect(post_save, membership_saved, Membership)
    connect(post_delete, membership_deleted, Membership)
    connect(post_save, learner_saved, Learner)
    connect(page_published, course_published)
