from typing import Any

from .ub_manager import cdiv, launch_grid_chunked


def chunk_gla_fwd_h(kernel: Any, k: Any, v: Any, g: Any, h: Any, *, batch: int, heads: int,
                    seq_len: int, head_dim: int, chunk_size: int = 64) -> Any:
    """Compute the per-chunk hidden states, one kernel launch per grid chunk."""
    num_chunks = cdiv(seq_len, chunk_size)
    launch_grid_chunked(
        kernel,
        (cdiv(head_dim, 64), batch * heads, num_chunks),
        offset_keys=("i_k_offset", "i_bh_offset", "i_t_offset"),
        kernel_kwargs={"k": k, "v": v, "g": g, "h": h, "T": seq_len, "BT": chunk_size},
    )
    return h
