"""Keep learners and required enrolments in step with memberships, tracks and published courses."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from disclosure.access import grant_moderator_permissions
from disclosure.models import Membership
from training.models import CoursePage, Learner
from training.progress import enrol_in_required, enrol_learners_in, learner_for

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


@receiver(post_save, sender=Membership)
def membership_saved(sender, instance, created, raw=False, **kwargs):
    """A new member is a learner at once, enrolled in the required courses of their track."""
    if raw or not created:
        return
    learner_for(instance.user)


@receiver(post_save, sender=Learner)
def learner_saved(sender, instance, created, raw=False, **kwargs):
    """A learner moved to another track (made an activist, say) gets its required courses."""
    if raw:
        return
    enrol_in_required(instance)


@receiver(page_published)
def course_published(sender, instance, **kwargs):
    if isinstance(instance, CoursePage):
        enrol_learners_in(instance)


def grant_moderators(app_config, using="default", **kwargs):
    grant_moderator_permissions(app_config, MODERATOR_PERMISSIONS, using=using)
