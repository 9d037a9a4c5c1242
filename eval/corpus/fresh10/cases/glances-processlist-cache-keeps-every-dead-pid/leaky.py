from __future__ import annotations

from typing import Dict, List

import psutil

CACHED_ATTRS = ["cmdline", "username"]
SORTED_ATTRS = ["cpu_percent", "memory_percent", "name", "pid", "status", "io_counters"]


class GlancesProcesses:
    def __init__(self) -> None:
        self.processlist: List[dict] = []
        self.processlist_cache: Dict[int, dict] = {}
        self.io_old: Dict[int, List[int]] = {}
        self.cache_timer = 0

    def update(self) -> None:
        is_cached = self.cache_timer > 0
        self.cache_timer = (self.cache_timer + 1) % 10
        attrs = SORTED_ATTRS if is_cached else SORTED_ATTRS + CACHED_ATTRS
        processlist = [p.info for p in psutil.process_iter(attrs=attrs, ad_value=None) if p.is_running()]

        for proc in processlist:
            if proc.get("io_counters") is not None:
                io_new = [proc["io_counters"][2], proc["io_counters"][3]]
                proc["io_counters"] = io_new + self.io_old.get(proc["pid"], [0, 0])
                self.io_old[proc["pid"]] = io_new

            if is_cached:
                if proc["pid"] not in self.processlist_cache:
                    try:
                        self.processlist_cache[proc["pid"]] = psutil.Process(pid=proc["pid"]).as_dict(  # LEAK
                            attrs=CACHED_ATTRS, ad_value=None
                        )
                    except psutil.NoSuchProcess:
                        pass
                proc.update(self.processlist_cache.get(proc["pid"], {}))
            else:
                try:
                    self.processlist_cache[proc["pid"]] = {cached: proc[cached] for cached in CACHED_ATTRS}  # LEAK
                except KeyError:
                    pass

        self.processlist = processlist
