class Caret:
    """Visible text insertion marker for `pyglet.text.layout.IncrementalTextLayout`."""

    PERIOD = 0.5

    def __init__(self, layout, batch=None, color=(0, 0, 0)):
        self._layout = layout
        if batch is None:
            batch = layout.batch
        self._batch = batch
        self._color = color
        self._ideal_x = None
        self._next_attributes = {}
        self.visible = True

        layout.push_handlers(self)

    def delete(self):
        """Remove the caret from its batch; also disconnects it from further layout events."""
        self._layout.remove_handlers(self)

    def on_layout_update(self):
        self._ideal_x = None

    def on_text(self, text):
        self._layout.document.insert_text(self._layout.position, text, self._next_attributes)
