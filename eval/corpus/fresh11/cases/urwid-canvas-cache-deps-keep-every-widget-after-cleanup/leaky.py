import weakref


class CanvasCache(object):
    _widgets = {}
    _refs = {}
    _deps = {}
    hits = 0
    fetches = 0
    cleanups = 0

    def store(cls, canvas):
        """Store a weakref to canvas in the cache."""
        assert canvas.widget_info, "Can't store canvas without widget_info"
        widget, size, focus = canvas.widget_info

        def walk_depends(canv):
            depends = []
            for x, y, c, pos in canv.children:
                if c.widget_info:
                    depends.append(c.widget_info[0])
                elif hasattr(c, 'children'):
                    depends.extend(walk_depends(c))
            return depends
        depends_on = getattr(canvas, 'depends_on', None)
        if depends_on is None and hasattr(canvas, 'children'):
            depends_on = walk_depends(canvas)
        if depends_on:
            for w in depends_on:
                if w not in cls._widgets:
                    return
            for w in depends_on:
                cls._deps.setdefault(w, []).append(widget)  # LEAK

        ref = weakref.ref(canvas, cls.cleanup)
        cls._refs[ref] = (widget, size, focus)
        cls._widgets.setdefault(widget, {})[(size, focus)] = ref
    store = classmethod(store)

    def fetch(cls, widget, size, focus):
        """Return the cached canvas for (widget, size, focus) or None."""
        cls.fetches += 1
        sizes = cls._widgets.get(widget, None)
        if not sizes:
            return None
        ref = sizes.get((size, focus), None)
        if not ref:
            return None
        canv = ref()
        if canv:
            cls.hits += 1
        return canv
    fetch = classmethod(fetch)

    def cleanup(cls, ref):
        cls.cleanups += 1
        w = cls._refs.get(ref, None)
        if not w:
            return
        widget, size, focus = w
        sizes = cls._widgets.get(widget, None)
        if not sizes:
            return
        try:
            del sizes[(size, focus)]
        except KeyError:
            pass
        if not sizes:
            try:
                del cls._widgets[widget]
            except KeyError:
                pass
        del cls._refs[ref]
    cleanup = classmethod(cleanup)

    def clear(cls):
        """Empty the cache."""
        cls._widgets = {}
        cls._refs = {}
        cls._deps = {}
    clear = classmethod(clear)
