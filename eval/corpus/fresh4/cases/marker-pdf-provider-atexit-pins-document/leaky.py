from __future__ import annotations

import atexit
from typing import Dict, List, Optional

import pypdfium2 as pdfium


class PdfProvider:
    def __init__(self, filepath: str, page_range: Optional[range] = None) -> None:
        self.filepath = filepath
        self.page_range = page_range
        self.doc: pdfium.PdfDocument = pdfium.PdfDocument(self.filepath)
        self.page_lines: Dict[int, List] = {i: [] for i in range(len(self.doc))}
        if self.page_range is None:
            self.page_range = range(len(self.doc))
        assert max(self.page_range) < len(self.doc) and min(self.page_range) >= 0, "invalid page range"
        self.page_bboxes = {i: self.doc[i].get_bbox() for i in self.page_range}
        atexit.register(self.cleanup_pdf_doc)  # LEAK

    def __len__(self) -> int:
        return len(self.doc)

    def cleanup_pdf_doc(self) -> None:
        if self.doc is not None:
            self.doc.close()

    def get_image(self, idx: int, dpi: int):
        page = self.doc[idx]
        return page.render(scale=dpi / 72).to_pil()
