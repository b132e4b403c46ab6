"""Language choice for a site whose readers are Chinese first."""

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import check_for_language


class SiteLanguageMiddleware:
    """Activate Simplified Chinese unless the visitor chose another language with the switcher.

    Django's LocaleMiddleware would follow the browser's Accept-Language header, so an office PC
    with an English browser would show an English site; here only an explicit choice (the
    language cookie set by the switcher) changes the language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen and check_for_language(chosen) else settings.LANGUAGE_CODE
        language = translation.get_supported_language_variant(language)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        patch_vary_headers(response, ["Cookie"])
        return response
