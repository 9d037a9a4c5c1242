from __future__ import annotations

import ctypes
import threading

libLoadLock = threading.Lock()
_rocmsmiLib = None
_libInitialized = False
_libInitializedException = None

ROCMSMI_ERROR_UNINITIALIZED = 1


class ROCMSMIError(Exception):
    def __init__(self, value: int) -> None:
        super().__init__(value)
        self.value = value


def _LoadRocmSmiLibrary() -> None:
    global _rocmsmiLib
    if _rocmsmiLib is None:
        with libLoadLock:
            if _rocmsmiLib is None:
                try:
                    _rocmsmiLib = ctypes.CDLL("librocm_smi64.so")
                except OSError as error:
                    raise ROCMSMIError(ROCMSMI_ERROR_UNINITIALIZED) from error


def _rocmsmiCheckReturn(ret: int) -> None:
    if ret != 0:
        raise ROCMSMIError(ret)


def rsmi_init(flags: int = 0) -> None:
    global _libInitialized, _libInitializedException
    _LoadRocmSmiLibrary()

    if _libInitialized:
        if _libInitializedException is not None:
            # re-raise a fresh copy: re-raising the cached object grows its traceback on every call
            from ..__utils__ import clone_exception

            raise clone_exception(_libInitializedException) from None
        return

    try:
        _rocmsmiCheckReturn(_rocmsmiLib.rsmi_init(flags))
    except Exception as e:
        with libLoadLock:
            _libInitializedException = e
        raise
    finally:
        with libLoadLock:
            _libInitialized = True


def rsmi_num_monitor_devices() -> int:
    count = ctypes.c_uint32()
    _rocmsmiCheckReturn(_rocmsmiLib.rsmi_num_monitor_devices(ctypes.byref(count)))
    return count.value
