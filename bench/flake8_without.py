"""Run flake8 as if some plugin packages were not installed: ``flake8_without.py NAMES ARGS...``.

NAMES is a comma-separated list of distribution names (e.g. ``leaklint``; empty hides nothing).
Their entry points are dropped from flake8's plugin finder before flake8 starts, so the run is the
same flake8, with the same other plugins and options, minus those plugins. flake8's worker
processes are forked after the plugins are loaded, so they inherit the filtered list.
"""

from __future__ import annotations

import sys
from typing import List


def main() -> int:
    hidden = {name.strip().lower() for name in sys.argv[1].split(",") if name.strip()}
    from flake8.main import cli
    from flake8.plugins import finder

    original = finder.find_plugins

    def find_plugins(cfg, opts) -> List[finder.Plugin]:  # type: ignore[no-untyped-def]
        return [plugin for plugin in original(cfg, opts) if plugin.package.lower() not in hidden]

    finder.find_plugins = find_plugins
    return cli.main(sys.argv[2:])


if __name__ == "__main__":
    raise SystemExit(main())
