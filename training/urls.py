"""Fixed addresses of training; the course and lesson pages themselves are served by Wagtail."""

from django.urls import path

import home.converters  # noqa: F401 - registers <id:…>
from training import views

app_name = "training"

urlpatterns = [
    path("my/", views.my_learning, name="my"),
    path("courses/<id:course_id>/enrol/", views.enrol_view, name="enrol"),
    path("courses/<id:course_id>/exam/", views.start_exam_view, name="start_exam"),
    path("attempts/<id:pk>/", views.attempt_view, name="attempt"),
    path("lessons/<id:lesson_id>/read/", views.mark_read_view, name="mark_read"),
    path("lessons/<id:lesson_id>/progress/", views.progress_view, name="progress"),
    path("certificates/", views.certificate_lookup, name="certificate_lookup"),
    path("certificates/<str:code>/", views.certificate_verify, name="certificate"),
    path("certificates/<str:code>/print/", views.certificate_print, name="certificate_print"),
]
