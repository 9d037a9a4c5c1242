"""Module identity by path: two files that share a dotted module name are still two modules.

Per file, a module is named from its path (``x`` for a script ``a/x.py`` outside any package,
``pkg.m`` inside one). A project that holds ``scripts/a/x.py`` and ``scripts/b/x.py`` has two
modules named ``x``, and merging their facts by name would mix their classes. The project pass
gives each clashing module a name of its own, and resolves a reference to the shared name in
another file to the twin that file would import: the one under the same import root (the folder
on ``sys.path`` when that file runs). A reference no twin shares a root with resolves to nothing.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Callable, Dict, List, Mapping, Optional

Renamer = Callable[[str], str]


def import_root(path: str, module: str) -> PurePath:
    """The folder a module named ``module`` is imported from (``a`` for ``a/pkg/m.py``)."""
    folder = PurePath(path).parent
    depth = module.count(".") + (1 if PurePath(path).name in ("__init__.py", "__init__.pyi") else 0)
    for _ in range(depth):
        folder = folder.parent
    return folder


def renamers(modules: Mapping[str, str]) -> Dict[str, Renamer]:
    """For each path (``modules``: path -> dotted module name) whose names need rewriting, a
    function that maps a qualified name seen in that file to its project-wide identity.

    Empty when no two paths share a module name: the common case costs one dict pass.
    """
    by_name: Dict[str, List[str]] = {}
    for path, module in modules.items():
        by_name.setdefault(module, []).append(path)
    clashing = {name: sorted(paths) for name, paths in by_name.items() if len(paths) > 1}
    if not clashing:
        return {}
    roots = {path: import_root(path, module) for path, module in modules.items()}
    # clashing name -> import root -> the identity of the twin under that root
    identities: Dict[str, Dict[PurePath, str]] = {}
    used: Dict[str, int] = {}
    for name, paths in clashing.items():
        for path in paths:
            root = roots[path]
            tag = (root.name or "root").replace(".", "_")
            count = used.get(f"{tag}/{name}", 0) + 1
            used[f"{tag}/{name}"] = count
            identity = f"{tag}/{name}" if count == 1 else f"{tag}~{count}/{name}"
            identities.setdefault(name, {}).setdefault(root, identity)
    # Longest names first: `pkg.m.Node` belongs to a clashing `pkg.m` before a clashing `pkg`.
    ordered = sorted(clashing, key=len, reverse=True)
    result: Dict[str, Renamer] = {}
    for path in modules:
        result[path] = _renamer(roots[path], ordered, identities)
    return result


def _renamer(root: PurePath, ordered: List[str], identities: Dict[str, Dict[PurePath, str]]) -> Renamer:
    cache: Dict[str, str] = {}

    def rename(name: str) -> str:
        found = cache.get(name)
        if found is not None:
            return found
        renamed = name
        # The longest clashing module that is ``name`` or a dotted prefix of it: looked up per
        # prefix (scanning every clashing name per name took minutes on a site-packages sweep
        # with a few thousand modules installed twice).
        end = len(name)
        while end > 0:
            module = name[:end]
            if module in identities:
                twin: Optional[str] = identities[module].get(root)
                # No twin under this file's import root: the name means none of them.
                renamed = (twin or f"<unresolved>/{module}") + name[end:]
                break
            end = name.rfind(".", 0, end)
        cache[name] = renamed
        return renamed

    return rename

