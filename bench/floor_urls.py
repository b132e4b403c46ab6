"""The site's URLs plus /floor/, a view that answers "ok": the benchmarks' floor.

Every request passes the same middleware, so a screen's time divided by the floor's is what the
screen itself costs, on a quiet machine or a loaded one.
"""

from django.http import HttpResponse
from django.urls import include, path


def floor(request):
    return HttpResponse("ok")


urlpatterns = [
    path("floor/", floor),
    path("", include("config.urls")),
]
