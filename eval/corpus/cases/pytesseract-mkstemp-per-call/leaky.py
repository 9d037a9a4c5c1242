from __future__ import annotations

import os
import subprocess
import tempfile


def image_to_string(image, lang: str = "eng") -> str:
    fd, input_name = tempfile.mkstemp(prefix="tess_", suffix=".png")  # LEAK
    try:
        image.save(input_name, format="PNG")
        output = subprocess.run(["tesseract", input_name, "stdout", "-l", lang], capture_output=True, check=True)
        return output.stdout.decode()
    finally:
        os.remove(input_name)
