import sys


class Document(object):
    def __init__(self):
        self._roots = []
        self._callbacks = {}
        self._session_callbacks = set()
        self._modules = []
        self._template_variables = {}

    def add_root(self, model):
        self._roots.append(model)
        model._document = self  # the models and the document point at each other

    def on_change_dispatch_to(self, receiver):
        self._callbacks[receiver] = lambda event: receiver._document_patched(event)

    def remove_on_change(self, *callbacks):
        for callback in callbacks:
            del self._callbacks[callback]

    @property
    def session_callbacks(self):
        return list(self._session_callbacks)

    def delete_modules(self):
        """Clean up sys.modules after the session is destroyed."""
        for module in self._modules:
            if module.__name__ in sys.modules:
                del sys.modules[module.__name__]

