from typing import Any, Dict, Iterator, List, Optional, Tuple

MAX_GRID_DIM = 65535
LAUNCH_BLOCK_BUDGET = 65535


def cdiv(a: int, b: int) -> int:
    return -(-a // b)


def iter_axis_launch_chunks(axis_size: int, other_grid_product: int, *, max_grid: int = MAX_GRID_DIM) -> Iterator[Tuple[int, int]]:
    """Yield (offset, chunk_len) for host-side tiling of one grid axis."""
    max_chunks = max(1, max_grid // max(1, other_grid_product))
    for offset in range(0, axis_size, max_chunks):
        yield offset, min(max_chunks, axis_size - offset)


def _launch_grid_chunked_recursive(
    kernel: Any,
    grid: Tuple[int, ...],
    offset_keys: Tuple[str, ...],
    kernel_kwargs: Dict[str, Any],
    quanta: Tuple[int, ...],
    budget: int,
    lens: List[int],
    ax: int,
    prod_so_far: int,
) -> None:
    quantum = quanta[ax]
    rest = prod_so_far * quantum
    for size in grid[ax + 1:]:
        rest *= size
    for off_q, len_q in iter_axis_launch_chunks(cdiv(grid[ax], quantum), rest, max_grid=budget):
        offset = off_q * quantum
        lens[ax] = min(len_q * quantum, grid[ax] - offset)
        kernel_kwargs[offset_keys[ax]] = offset
        if ax == len(grid) - 1:
            kernel[tuple(lens)](**kernel_kwargs)
        else:
            _launch_grid_chunked_recursive(
                kernel, grid, offset_keys, kernel_kwargs, quanta, budget, lens,
                ax + 1, prod_so_far * len_q * quantum,
            )


def launch_grid_chunked(
    kernel: Any,
    grid: Tuple[int, ...],
    *,
    offset_keys: Tuple[str, ...],
    kernel_kwargs: Dict[str, Any],
    quanta: Optional[Tuple[int, ...]] = None,
    budget: int = LAUNCH_BLOCK_BUDGET,
) -> None:
    """Launch a kernel over grid in chunks whose block product stays within budget."""
    dims = len(grid)
    _launch_grid_chunked_recursive(
        kernel, grid, offset_keys, kernel_kwargs, quanta or (1,) * dims, budget, [0] * dims, 0, 1,
    )
