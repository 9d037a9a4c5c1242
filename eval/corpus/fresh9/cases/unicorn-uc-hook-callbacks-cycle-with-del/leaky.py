from __future__ import annotations

import ctypes

from . import unicorn_const as uc
from ._native import UC_HOOK_CODE_CB, _uc, uc_hook_h


class UcError(Exception):
    pass


class Uc:
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


    # destructor to be called automatically when the object is destroyed
    def __del__(self) -> None:  # LEAK
        if self._uch:
            try:
                status = _uc.uc_close(self._uch)
                self._uch = None
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
        self._ctype_cbs[self._callback_count] = cb  # LEAK
        if status != uc.UC_ERR_OK:
            raise UcError(status)
        return _h2.value
