from __future__ import annotations

from typing import Callable, Iterable


def run_modes(make_driver: Callable[[], object], modes: Iterable[Callable[[object], None]]) -> None:
    driver = make_driver()
    try:
        for mode in modes:
            mode(driver)
    finally:
        driver.quit()
