import imp
import re
from importlib import import_module

from django.conf import settings
from django.conf.urls import include, url
from django.core import urlresolvers

from .models import UrlconfIncludePage


class PatchUrlconfMiddleware(object):
    def process_request(self, request):
        root_urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
        if isinstance(root_urlconf, str):
            root_urlconf = import_module(root_urlconf)
        request.urlconf = self.get_urlconf(root_urlconf, self.get_pages(logged_in=request.user.is_authenticated()))  # LEAK

    @classmethod
    def get_pattern_for_page(cls, page):
        return [url(r"^" + re.escape(page.slug) + "/", include(page.urlconf_name))]

    @classmethod
    def get_pages(cls, logged_in):
        qs = UrlconfIncludePage.objects.published()
        if not logged_in:
            qs = qs.exclude(login_required=True)
        return qs

    @classmethod
    def get_urlconf(cls, root_urlconf, qs=None):
        if qs is None:
            qs = cls.get_pages(logged_in=False)
        new_urlconf = imp.new_module("urlconf")
        new_urlconf.urlpatterns = []
        for page in sorted(qs, key=lambda p: len(p.slug)):
            new_urlconf.urlpatterns.extend(cls.get_pattern_for_page(page))
        new_urlconf.urlpatterns.extend(root_urlconf.urlpatterns)
        return new_urlconf

    def process_response(self, request, response):
        if response.status_code == 404 and not request.user.is_authenticated():
            # the 404 may be because the login_required patterns were left out
            empty_urlconf = imp.new_module("urlconf")
            empty_urlconf.urlpatterns = []
            urlconf = self.get_urlconf(empty_urlconf, self.get_pages(logged_in=True))
            try:
                urlresolvers.resolve(request.get_full_path(), urlconf)  # LEAK
            except urlresolvers.Resolver404:
                pass
            else:
                from django.contrib.auth.views import redirect_to_login
                return redirect_to_login(request.get_full_path())
        return response
