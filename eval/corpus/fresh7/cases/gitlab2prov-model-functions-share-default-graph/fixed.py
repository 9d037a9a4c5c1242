from __future__ import annotations

from typing import Optional

from prov.model import PROV_ROLE, ProvDocument


def graph_factory(records=None) -> ProvDocument:
    graph = ProvDocument()
    graph.set_default_namespace("http://github.com/dlr-sc/gitlab2prov/")
    for record in records or ():
        graph.add_record(record)
    return graph


def git_commit_model(resources, graph: Optional[ProvDocument] = None):
    """Commit model implementation."""
    if graph is None:
        graph = graph_factory()
    for commit in resources.list_all("GitCommit"):
        parents = [resources.get("GitCommit", hexsha=h) for h in commit.parents]
        for rev in resources.list_all("FileRevision", committed_in=commit.hexsha):
            graph.update(addition(commit, [p for p in parents if p is not None], rev))
    return graph


def addition(commit, parents: list, rev, graph: Optional[ProvDocument] = None):
    """Add model for the addition of a new file in a commit."""
    if graph is None:
        graph = graph_factory()
    c = graph.activity(*commit)
    at = graph.agent(*commit.author)
    f = graph.entity(*rev.file)
    rev_entity = graph.entity(*rev)
    c.wasAssociatedWith(at, plan=None, attributes=[(PROV_ROLE, "author")])
    f.wasGeneratedBy(c, time=c.get_startTime())
    rev_entity.specializationOf(f)
    for parent in parents:
        c.wasInformedBy(graph.activity(*parent))
    return graph


def resource_creation(resource, graph: Optional[ProvDocument] = None):
    if graph is None:
        graph = graph_factory()
    r = graph.entity(*resource)
    c = graph.activity(*resource.creation)
    at = graph.agent(*resource.author)
    r.wasAttributedTo(at)
    r.wasGeneratedBy(c, time=c.get_startTime())
    return graph


def gitlab_issue_model(resources, graph: Optional[ProvDocument] = None):
    if graph is None:
        graph = graph_factory()
    for issue in resources.list_all("Issue"):
        graph.update(resource_creation(issue))
    return graph
