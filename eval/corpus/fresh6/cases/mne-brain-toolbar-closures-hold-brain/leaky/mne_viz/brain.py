from __future__ import annotations

from .renderer import Renderer


class Brain:
    def __init__(self, subject: str) -> None:
        self.subject = subject
        self.playback_speed = 0.01
        self.traces_mode = "label"
        self.annot = None
        self._renderer = Renderer()  # LEAK
        self._configure_dock()
        self._configure_tool_bar()

    def _configure_dock(self) -> None:
        def _set_annot(annot):  # LEAK
            self.clear_glyphs()
            self.annot = annot
            self._renderer._update()

        def _set_label_mode(mode):  # LEAK
            if self.traces_mode != "label":
                return
            self.label_extract_mode = mode

        self._renderer._dock_add_combo_box("Annotation", "None", ["None", "aparc"], _set_annot)
        self._renderer._dock_add_combo_box("Extract mode", "mean", ["mean", "max"], _set_label_mode)

    def _configure_tool_bar(self) -> None:
        self._renderer._tool_bar_add_file_button(name="screenshot", desc="Take a screenshot", func=self.save_image)  # LEAK
        self._renderer._tool_bar_add_file_button(
            name="movie",
            desc="Save movie...",
            func=lambda filename: self.save_movie(filename=filename, time_dilation=(1.0 / self.playback_speed)),  # LEAK
            shortcut="ctrl+shift+s",
        )

    def clear_glyphs(self) -> None:
        pass

    def save_image(self, filename: str) -> None:
        pass

    def save_movie(self, filename: str, time_dilation: float = 4.0) -> None:
        pass
