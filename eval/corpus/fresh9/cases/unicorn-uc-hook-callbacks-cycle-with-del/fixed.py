from __future__ import annotations

import ctypes
import weakref

from . import unicorn_const as uc
from ._native import UC_HOOK_CODE_CB, _uc, uc_hook_h


class UcError(Exception):
    pass


# Subclassing ref to allow attribute assignment.
class UcRef(weakref.ref):
    pass


class UcCleanupManager:
    """Tracks Uc instance destruction and releases the native handles."""

    def __init__(self) -> None:
        self._refs = {}

    def register(self, uc_obj) -> None:
        ref = UcRef(uc_obj, self._finalizer)
        ref._uch = uc_obj._uch
        self._refs[id(ref)] = ref

    def _finalizer(self, ref) -> None:
        del self._refs[id(ref)]
        Uc.release_handle(ref._uch)


class Uc:
    _cleanup = UcCleanupManager()

    def __init__(self, arch: int, mode: int) -> None:
        self._arch, self._mode = arch, mode
        self._uch = ctypes.c_void_p()
        status = _uc.uc_open(arch, mode, ctypes.byref(self._uch))
        if status != uc.UC_ERR_OK:
            self._uch = None
            raise UcError(status)
        self._callbacks = {}
        self._ctype_cbs = {}
        self._callback_count = 0
        self._cleanup.register(self)


    @staticmethod
    def release_handle(uch) -> None:
        if uch:
            try:
                status = _uc.uc_close(uch)
                if status != uc.UC_ERR_OK:
                    raise UcError(status)
            except Exception:  # _uc might be pulled from under our feet
                pass

    def _hookcode_cb(self, handle, address, size, user_data) -> None:
        (cb, data) = self._callbacks[user_data]
        cb(self, address, size, data)

    def hook_add(self, htype, callback, user_data=None, begin: int = 1, end: int = 0) -> int:
        _h2 = uc_hook_h()
        self._callback_count += 1
        self._callbacks[self._callback_count] = (callback, user_data)
        cb = ctypes.cast(UC_HOOK_CODE_CB(self._hookcode_cb), UC_HOOK_CODE_CB)
        status = _uc.uc_hook_add(
            self._uch, ctypes.byref(_h2), htype, cb,
            ctypes.cast(self._callback_count, ctypes.c_void_p),
            ctypes.c_uint64(begin), ctypes.c_uint64(end),
        )
        # save the ctype function so gc will leave it alone
        self._ctype_cbs[self._callback_count] = cb
        if status != uc.UC_ERR_OK:
            raise UcError(status)
        return _h2.value
