from __future__ import annotations

import multiprocessing
import os
import subprocess


def installer(qt_archive, base_dir: str, command: str) -> None:
    archive = qt_archive.download(base_dir)
    subprocess.run([command, "x", "-aoa", "-bd", "-y", "-o" + base_dir, archive], check=True)
    os.unlink(archive)


class Settings:
    def __init__(self, concurrency: int = 4) -> None:
        self.concurrency = concurrency


class Cli:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def call_installer(self, qt_archives, target_dir, sevenzip: str) -> None:
        base_dir = os.getcwd() if target_dir is None else target_dir
        tasks = []
        for arc in qt_archives.get_archives():
            tasks.append((arc, base_dir, sevenzip))
        pool = multiprocessing.Pool(self.settings.concurrency)
        pool.starmap(installer, tasks)
        pool.close()
        pool.join()

    def run_install(self, qt_archives, output_dir=None, sevenzip: str = "7z") -> None:
        target_dir = os.path.normpath(output_dir) if output_dir is not None else None
        self.call_installer(qt_archives, target_dir, sevenzip)
