from __future__ import annotations

import logging

import pyvisa

log = logging.getLogger(__name__)


class VisaInstrument:
    def __init__(self, name: str, address: str, timeout: float = 5, visalib: str | None = None) -> None:
        self.name = name
        self.visa_log = log
        visa_handle, visabackend = self._connect_and_handle_error(address, visalib)
        self.visabackend = visabackend
        self.visa_handle = visa_handle  # LEAK
        self.visalib = visalib
        self._address = address
        self.visa_handle.timeout = timeout * 1000

    def _connect_and_handle_error(self, address: str, visalib: str | None):
        try:
            return self._open_resource(address, visalib)
        except Exception:
            self.visa_log.exception(f"Could not connect at {address}")
            self.close()
            raise

    def _open_resource(self, address: str, visalib: str | None):
        # in case we're changing the address - close the old handle first
        if getattr(self, "visa_handle", None):
            self.visa_handle.close()

        if visalib is not None:
            resource_manager = pyvisa.ResourceManager(visalib)  # LEAK
            visabackend = visalib.split("@")[1]
        else:
            resource_manager = pyvisa.ResourceManager()  # LEAK
            visabackend = "ivi"

        resource = resource_manager.open_resource(address)
        if not isinstance(resource, pyvisa.resources.MessageBasedResource):
            resource.close()
            raise TypeError("QCoDeS only support MessageBasedResource Visa resources")
        return resource, visabackend

    def write_raw(self, cmd: str) -> None:
        self.visa_handle.write(cmd)

    def close(self) -> None:
        """Disconnect and irreversibly tear down the instrument."""
        if getattr(self, "visa_handle", None):
            self.visa_handle.close()
