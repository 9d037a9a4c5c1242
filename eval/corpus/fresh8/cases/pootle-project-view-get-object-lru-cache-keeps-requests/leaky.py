from __future__ import annotations

from functools import cached_property, lru_cache

from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Directory, Project


class ProjectMixin:
    model = Project
    template_extends = "projects/base.html"

    @cached_property
    def project(self) -> Project:
        project = get_object_or_404(Project.objects.select_related("directory"),
                                    code=self.kwargs["project_code"])
        if project.disabled and not self.request.user.is_superuser:
            raise Http404
        return project

    @cached_property
    def cache_key(self) -> str:
        return "%s.%s::%s.%s" % (self.page_name, self.object.data_tool.cache_key,
                                 self.kwargs["dir_path"], self.kwargs["filename"])

    @lru_cache()  # LEAK
    def get_object(self):  # LEAK
        self.object = self.project
        return self.object_with_children

    @cached_property
    def object_with_children(self):
        if not (self.kwargs["dir_path"] or self.kwargs["filename"]):
            return self.project
        path = "/%s%s" % (self.kwargs["dir_path"], self.kwargs["filename"])
        dirs = Directory.objects.live().filter(tp__project=self.project)
        return dirs.filter(tp_path=path).first() or self.project
