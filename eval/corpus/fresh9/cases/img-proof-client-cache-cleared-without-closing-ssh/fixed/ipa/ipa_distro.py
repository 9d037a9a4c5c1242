from __future__ import annotations

from . import ipa_utils


class IpaDistroException(Exception):
    pass


class Distro:
    def get_reboot_cmd(self) -> str:
        return "shutdown -r now"

    def reboot(self, client) -> None:
        """Reboot the instance; its cached SSH client is no longer usable."""
        try:
            ipa_utils.execute_ssh_command(client, "sudo sh -c '{}'".format(self.get_reboot_cmd()))
        except Exception as error:
            raise IpaDistroException("An error occurred rebooting instance: %s" % error)
        ipa_utils.clear_cache()
