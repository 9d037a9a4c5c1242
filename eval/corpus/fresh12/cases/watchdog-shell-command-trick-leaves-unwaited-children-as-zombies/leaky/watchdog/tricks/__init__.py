
import subprocess
from string import Template




class ShellCommandTrick:
    def __init__(self, shell_command=None, wait_for_process: bool = False, drop_during_process: bool = False) -> None:
        self.shell_command = shell_command
        self.wait_for_process = wait_for_process
        self.drop_during_process = drop_during_process
        self.process = None

    def on_any_event(self, event) -> None:
        if self.drop_during_process and self.process and self.process.poll() is None:
            return
        context = {"watch_src_path": event.src_path, "watch_event_type": event.event_type}
        if self.shell_command is None:
            command = 'echo "${watch_event_type} ${watch_src_path}"'
        else:
            command = self.shell_command
        command = Template(command).safe_substitute(**context)
        self.process = subprocess.Popen(command, shell=True)  # LEAK
        if self.wait_for_process:
            self.process.wait()
