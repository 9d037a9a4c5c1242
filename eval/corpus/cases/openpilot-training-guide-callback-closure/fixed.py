from __future__ import annotations

import weakref


class Button:
    def __init__(self, text: str) -> None:
        self.text = text
        self._click_callback = None

    def set_click_callback(self, callback) -> None:
        self._click_callback = callback


class TrainingGuide:
    def __init__(self, images: list, completed_callback=None) -> None:
        self.images = images
        self._completed_callback = completed_callback
        self._step = 0
        self_ref = weakref.ref(self)

        def on_continue() -> None:
            guide = self_ref()
            if guide is not None:
                guide._advance_step()

        self._continue_button = Button("Continue")
        self._continue_button.set_click_callback(on_continue)

    def _advance_step(self) -> None:
        self._step += 1
        if self._step >= len(self.images) and self._completed_callback:
            self._completed_callback()
