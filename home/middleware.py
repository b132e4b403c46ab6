"""Language choice for a site whose readers are Chinese first."""

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
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


class PrivateResponsesMiddleware:
    """Responses to logged-in visitors depend on who they are: never cached by anyone else.

    Restricted pages, member listings and the toolbar with the user's name all vary by user, so
    every response to an authenticated request says ``Cache-Control: private, no-cache``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_cache=True)
        return response
