import logging
from typing import Any, Dict, Iterable, List, Optional, Tuple

import fsspec
import pyarrow as pa

logger = logging.getLogger("tables")

DEFAULT_BATCH_SIZE = 1000


class SchemaInferenceError(ValueError):
    pass


class TableWriter:
    _WRITER_CLASS = pa.RecordBatchStreamWriter

    def __init__(self, schema: Optional[pa.Schema] = None, path: Optional[str] = None,
                 stream: Any = None, writer_batch_size: Optional[int] = None) -> None:
        if path is None and stream is None:
            raise ValueError("At least one of path and stream must be provided.")
        self._schema = schema
        if stream is None:
            fs, _, paths = fsspec.get_fs_token_paths(path)
            self._path: Optional[str] = paths[0]
            self.stream = fs.open(paths[0], "wb")
            self._closable_stream = True
        else:
            self._path = None
            self.stream = stream
            self._closable_stream = False
        self.writer_batch_size = writer_batch_size or DEFAULT_BATCH_SIZE
        self._num_examples = 0
        self._num_bytes = 0
        self.current_examples: List[Dict[str, Any]] = []
        self.pa_writer: Optional[pa.RecordBatchStreamWriter] = None

    def __enter__(self) -> "TableWriter":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        if self.pa_writer:
            try:
                self.pa_writer.close()
            except Exception:
                pass
        if self._closable_stream and not self.stream.closed:
            self.stream.close()

    def _build_writer(self, schema: pa.Schema) -> None:
        self._schema = schema
        self.pa_writer = self._WRITER_CLASS(self.stream, schema)

    def write(self, example: Dict[str, Any]) -> None:
        self.current_examples.append(example)
        if len(self.current_examples) >= self.writer_batch_size:
            self.write_examples_on_file()

    def write_examples_on_file(self) -> None:
        if not self.current_examples:
            return
        table = pa.Table.from_pylist(self.current_examples, schema=self._schema)
        if self.pa_writer is None:
            self._build_writer(table.schema)
        assert self.pa_writer is not None
        self.pa_writer.write_table(table)
        self._num_examples += table.num_rows
        self._num_bytes += table.nbytes
        self.current_examples = []

    def finalize(self, close_stream: bool = True) -> Tuple[int, int]:
        self.write_examples_on_file()
        # with a known schema, write an empty table even if no example came
        if self.pa_writer is None and self._schema:
            self._build_writer(self._schema)
        if self.pa_writer is not None:
            self.pa_writer.close()
            self.pa_writer = None
            if close_stream:
                self.stream.close()
        else:
            if close_stream:
                self.stream.close()
            raise SchemaInferenceError("Please pass `features` or at least one example when writing data")
        logger.debug("Done writing %d examples in %d bytes %s.", self._num_examples, self._num_bytes, self._path or "")
        return self._num_examples, self._num_bytes


def write_split(path: str, examples: Iterable[Dict[str, Any]]) -> Tuple[int, int]:
    writer = TableWriter(path=path)
    for example in examples:
        writer.write(example)
    return writer.finalize()
