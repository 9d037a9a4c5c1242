import sys
from types import ModuleType

from ...io import curdoc, set_curdoc


class CodeHandler(object):
    def __init__(self, source, path):
        self._source = source
        self._path = path
        self._counter = 0
        self.failed = False

    def _new_module(self):
        self._counter += 1
        return ModuleType("bk_script_%d" % self._counter)

    def modify_document(self, doc):
        if self.failed:
            return
        module = self._new_module()
        # keep the module alive as long as the document (and let the
        # custom models resolver find it)
        sys.modules[module.__name__] = module  # LEAK
        doc._modules.append(module)
        old_doc = curdoc()
        set_curdoc(doc)
        try:
            exec(compile(self._source, self._path, "exec"), module.__dict__)
        finally:
            set_curdoc(old_doc)
