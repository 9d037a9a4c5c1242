from .gla_chunk import chunk_gla_fwd_h
from .ub_manager import iter_axis_launch_chunks, launch_grid_chunked

__all__ = ["chunk_gla_fwd_h", "iter_axis_launch_chunks", "launch_grid_chunked"]
