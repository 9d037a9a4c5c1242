from __future__ import annotations


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

        def on_continue() -> None:  # LEAK
            self._advance_step()

        self._continue_button = Button("Continue")  # LEAK
        self._continue_button.set_click_callback(on_continue)  # LEAK

    def _advance_step(self) -> None:
        self._step += 1
        if self._step >= len(self.images) and self._completed_callback:
            self._completed_callback()
