"""``leaklint graph``: the class reference graph restricted to its cycles, as DOT or Mermaid.

Classes are nodes, attributes edge labels; strong edges are solid, weak ones dashed, and classes
that define (or inherit) ``__del__`` are marked. Only classes in a strongly connected component
that holds a cycle are drawn.
"""

from __future__ import annotations

import re
from typing import Dict, List, Mapping, Sequence, Set, Tuple

from leaklint.analysis.class_graph import ClassFacts, ClassGraph
from leaklint.config import Settings
from leaklint.engine import analyze_source
from leaklint.runner import discover, read_file

FORMATS = ("dot", "mermaid")


def collect_facts(paths: Sequence[str], settings: Settings) -> Dict[str, ClassFacts]:
    """Class-graph facts of every Python file under ``paths`` (one parse and walk per file)."""
    from leaklint.rules.lkl101_mutual_reference import MutualReference

    files, _ = discover(paths, settings)
    facts: Dict[str, ClassFacts] = {}
    for path in files:
        data, _error = read_file(path)
        if data is None:
            continue
        result = analyze_source(data, path, [MutualReference], {}).result
        found = result.facts.get(MutualReference.code)
        if isinstance(found, ClassFacts):
            facts[path] = found
    return facts


def render_graph(paths: List[str], settings: Settings, fmt: str = "dot") -> str:
    """The cycles of the class reference graph of ``paths`` as Graphviz DOT or Mermaid text."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown graph format {fmt!r}: use one of {', '.join(FORMATS)}")
    return render_class_graph(ClassGraph(collect_facts(paths, settings)), fmt)


def render_class_graph(graph: ClassGraph, fmt: str = "dot") -> str:
    members: Set[str] = {name for component in graph.cyclic_components() for name in component}
    edges = _edges(graph, members)
    labels = _labels(sorted(members))
    with_del = {name for name in members if graph.del_location(name) is not None}
    if fmt == "mermaid":
        return _mermaid(sorted(members), edges, labels, with_del)
    return _dot(sorted(members), edges, labels, with_del)


def _edges(graph: ClassGraph, members: Set[str]) -> List[Tuple[str, str, str, bool]]:
    """(source, attr, target, weak) among ``members``, strong ones winning over weak duplicates."""
    found: Dict[Tuple[str, str, str], bool] = {}
    for source in sorted(members):
        for edge in graph.adjacency.get(source, ()):
            if edge.target in members:
                found[(source, edge.attr, edge.target)] = False
    for edge in graph.edges:
        if edge.weak and edge.source in members and edge.target in members:
            found.setdefault((edge.source, edge.attr, edge.target), True)
    return [(s, a, t, weak) for (s, a, t), weak in sorted(found.items())]


def _labels(names: Sequence[str]) -> Dict[str, str]:
    """Short class names, module-qualified where two drawn classes share a name."""
    counts: Dict[str, int] = {}
    for name in names:
        short = name.rsplit(".", 1)[-1]
        counts[short] = counts.get(short, 0) + 1
    return {name: name if counts[name.rsplit(".", 1)[-1]] > 1 else name.rsplit(".", 1)[-1] for name in names}


def _node_id(name: str) -> str:
    return re.sub(r"\W", "_", name)


def _dot(nodes: Sequence[str], edges: Sequence[Tuple[str, str, str, bool]], labels: Mapping[str, str],
         with_del: Set[str]) -> str:
    lines = ["digraph leaklint_cycles {", "  rankdir=LR;", '  node [shape=box, fontname="Helvetica"];']
    for name in nodes:
        label = labels[name] + ("\\n(__del__)" if name in with_del else "")
        extra = ', style="bold,filled", fillcolor="#ffdddd", color="#cc0000"' if name in with_del else ""
        lines.append(f'  {_node_id(name)} [label="{label}", tooltip="{name}"{extra}];')
    for source, attr, target, weak in edges:
        style = ', style=dashed, color="#888888"' if weak else ""
        lines.append(f'  {_node_id(source)} -> {_node_id(target)} [label="{attr}"{style}];')
    lines.append("}")
    return "\n".join(lines) + "\n"


def _mermaid(nodes: Sequence[str], edges: Sequence[Tuple[str, str, str, bool]], labels: Mapping[str, str],
             with_del: Set[str]) -> str:
    lines = ["graph LR"]
    for name in nodes:
        label = labels[name] + (" (__del__)" if name in with_del else "")
        lines.append(f'    {_node_id(name)}["{label}"]')
    for source, attr, target, weak in edges:
        arrow = "-.->" if weak else "-->"
        lines.append(f"    {_node_id(source)} {arrow}|{attr}| {_node_id(target)}")
    if with_del:
        lines.append("    classDef finalizer fill:#ffdddd,stroke:#cc0000,stroke-width:2px")
        lines.append(f"    class {','.join(_node_id(n) for n in sorted(with_del))} finalizer")
    return "\n".join(lines) + "\n"
