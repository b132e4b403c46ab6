"""The screens' player and its JSON, and printable boards. Screens authenticate by their token."""

from django.urls import path

import home.converters  # noqa: F401 - registers <id:…>
from screens import boards, views

app_name = "screens"

urlpatterns = [
    path("sw.js", views.service_worker, name="service_worker"),
    path("boards/<id:page_id>/", boards.board, name="board"),
    path("<str:token>/", views.player, name="player"),
    path("<str:token>/playlist.json", views.playlist, name="playlist"),
    path("<str:token>/heartbeat", views.heartbeat, name="heartbeat"),
]
