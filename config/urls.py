"""Site URLs. Wagtail's page serving comes last so every fixed path above it wins."""

from django.urls import include, path, re_path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home.api import api_router
from home.media_files import not_found, serve_media
from home.search.views import search
from home.sitemaps import PublicSitemap

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("home.account_urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("search/", search, name="search"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PublicSitemap}}),
    path("api/v2/", api_router.urls),
    path("training/", include("training.urls")),
    path("screens/", include("screens.urls")),
    path("integrity/", include("integrity.urls")),
    path("", include("disclosure.urls")),
]

# Every uploaded file goes through the visibility policy (home.media_files); documents only
# through Wagtail's document view above, so media/documents/ is never a path.
urlpatterns += [
    re_path(r"^media/(?P<path>.*)$", serve_media, name="media"),
    # Password restrictions are off (WAGTAIL_PRIVATE_PAGE_OPTIONS); Wagtail's form for them
    # would only tell which page and restriction ids exist.
    re_path(r"^_util/authenticate_with_password/", not_found),
    path("", include(wagtail_urls)),
]
