"""Fixed addresses of the disclosure app; the pages themselves are served by Wagtail."""

from django.urls import path

from disclosure import views

app_name = "disclosure"

urlpatterns = [
    path("disclosures/export.<str:extension>", views.export, name="export"),
]
