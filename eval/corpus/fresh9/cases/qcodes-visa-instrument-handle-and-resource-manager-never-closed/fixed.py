from __future__ import annotations

import logging
from weakref import finalize

import pyvisa

log = logging.getLogger(__name__)


def _close_visa_handle(handle: pyvisa.resources.MessageBasedResource, name: str) -> None:
    log.info("Closing VISA handle to %s as there are no non weak references to the instrument.", name)
    handle.close()


class VisaInstrument:
    def __init__(self, name: str, address: str, timeout: float = 5, visalib: str | None = None) -> None:
        self.name = name
        self.visa_log = log
        visa_handle, visabackend, resource_manager = self._connect_and_handle_error(address, visalib)
        finalize(self, _close_visa_handle, visa_handle, str(self.name))
        self.visabackend = visabackend
        self.visa_handle = visa_handle
        self.resource_manager = resource_manager
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
            resource_manager = pyvisa.ResourceManager(visalib)
            visabackend = visalib.split("@")[1]
        else:
            resource_manager = pyvisa.ResourceManager()
            visabackend = "ivi"

        resource = resource_manager.open_resource(address)
        if not isinstance(resource, pyvisa.resources.MessageBasedResource):
            resource.close()
            raise TypeError("QCoDeS only support MessageBasedResource Visa resources")
        return resource, visabackend, resource_manager

    def write_raw(self, cmd: str) -> None:
        self.visa_handle.write(cmd)

    def close(self) -> None:
        """Disconnect and irreversibly tear down the instrument."""
        if getattr(self, "visa_handle", None):
            self.visa_handle.close()
        if getattr(self, "visabackend", None) == "sim" and getattr(self, "resource_manager", None):
            self.resource_manager.close()
