import functools
import subprocess
from string import Template

from watchdog.utils.process_watcher import ProcessWatcher


class ShellCommandTrick:
    def __init__(self, shell_command=None, wait_for_process: bool = False, drop_during_process: bool = False) -> None:
        self.shell_command = shell_command
        self.wait_for_process = wait_for_process
        self.drop_during_process = drop_during_process
        self.process = None
        self._process_watchers = set()

    def on_any_event(self, event) -> None:
        if self.drop_during_process and self.is_process_running():
            return
        context = {"watch_src_path": event.src_path, "watch_event_type": event.event_type}
        if self.shell_command is None:
            command = 'echo "${watch_event_type} ${watch_src_path}"'
        else:
            command = self.shell_command
        command = Template(command).safe_substitute(**context)
        self.process = subprocess.Popen(command, shell=True)
        if self.wait_for_process:
            self.process.wait()
        else:
            process_watcher = ProcessWatcher(self.process, None)
            self._process_watchers.add(process_watcher)
            process_watcher.process_termination_callback = functools.partial(
                self._process_watchers.discard, process_watcher)
            process_watcher.start()

    def is_process_running(self) -> bool:
        return bool(self._process_watchers) or (self.process is not None and self.process.poll() is None)
