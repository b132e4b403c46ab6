"""Fixed addresses of the integrity programme; the programme pages themselves are served by
Wagtail."""

from django.urls import path

import home.converters  # noqa: F401 - registers <id:…>
from integrity import views

app_name = "integrity"

urlpatterns = [
    path("programmes/<id:page_id>/report/", views.report_view, name="report"),
    path("programmes/<id:page_id>/participation/", views.participation_view, name="participation"),
]
