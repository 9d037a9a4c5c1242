from __future__ import annotations

import contextlib
from typing import Dict, List, Optional

import pypdfium2 as pdfium


class PdfProvider:
    def __init__(self, filepath: str, page_range: Optional[range] = None) -> None:
        self.filepath = filepath
        self.page_range = page_range
        with self.get_doc() as doc:
            self.page_count = len(doc)
            self.page_lines: Dict[int, List] = {i: [] for i in range(len(doc))}
            if self.page_range is None:
                self.page_range = range(len(doc))
            assert max(self.page_range) < len(doc) and min(self.page_range) >= 0, "invalid page range"
            self.page_bboxes = {i: doc[i].get_bbox() for i in self.page_range}

    @contextlib.contextmanager
    def get_doc(self):
        doc = None
        try:
            doc = pdfium.PdfDocument(self.filepath)
            yield doc
        finally:
            if doc:
                doc.close()

    def __len__(self) -> int:
        return self.page_count

    def get_image(self, idx: int, dpi: int):
        with self.get_doc() as doc:
            return doc[idx].render(scale=dpi / 72).to_pil()
