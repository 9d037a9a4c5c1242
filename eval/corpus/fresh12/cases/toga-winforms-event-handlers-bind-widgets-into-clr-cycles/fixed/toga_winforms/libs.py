import clr  # noqa: F401

clr.AddReference("System.Windows.Forms")

import System.Windows.Forms as WinForms  # noqa: E402,F401
