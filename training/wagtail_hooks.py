"""Portal and demo integration of the training app."""

from wagtail import hooks

from home.sections import PortalSection
from training.demo import load_training_demo
from training.models import CourseIndexPage, courses_for_readers

PORTAL_COURSES = 5


@hooks.register("register_portal_section")
def courses_section(request):
    courses = list(courses_for_readers()[:PORTAL_COURSES])
    if not courses:
        return None
    index = CourseIndexPage.objects.live().first()
    return PortalSection(
        key="training",
        template="training/portal_courses.html",
        context={"courses": courses},
        more_url=index.url if index else "",
    )


hooks.register("register_demo_content", load_training_demo, order=30)
