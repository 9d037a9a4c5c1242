from ..document import Document


class ServerSession(object):
    """Hosts an application instance (a Document) for one or more connections."""

    def __init__(self, session_id, document: Document, io_loop=None):
        self._id = session_id
        self._document = document
        self._loop = io_loop
        self._subscribed_connections = set()
        self._document.on_change_dispatch_to(self)
        self._destroyed = False

    def _document_patched(self, event):
        for connection in self._subscribed_connections:
            connection.send_patch_document(event)

    def destroy(self):
        self._destroyed = True
        self._document.remove_on_change(self)
        self._subscribed_connections.clear()
