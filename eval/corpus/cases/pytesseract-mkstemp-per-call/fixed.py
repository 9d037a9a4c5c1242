from __future__ import annotations

import subprocess
import tempfile


def image_to_string(image, lang: str = "eng") -> str:
    with tempfile.NamedTemporaryFile(prefix="tess_", suffix=".png") as handle:
        image.save(handle, format="PNG")
        handle.flush()
        output = subprocess.run(["tesseract", handle.name, "stdout", "-l", lang], capture_output=True, check=True)
        return output.stdout.decode()
