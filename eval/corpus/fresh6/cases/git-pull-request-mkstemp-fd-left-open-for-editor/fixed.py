from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tempfile

LOG = logging.getLogger(__name__)


def edit_file_get_content_and_remove(filename: str) -> str:
    editor = subprocess.run(["git", "var", "GIT_EDITOR"], capture_output=True, text=True).stdout.strip()
    if not editor:
        LOG.warning("$EDITOR is unset, you will not be able to edit the pull-request message")
        editor = "cat"
    status = os.system(editor + " " + filename)
    if status != 0:
        raise RuntimeError("Editor exited with status code %d" % status)
    with open(filename, "r") as body:
        content = body.read().strip()
    os.unlink(filename)
    return content


def get_pr_template_message(template: str) -> str:
    fd, bodyfilename = tempfile.mkstemp()
    os.close(fd)
    shutil.copy(template, bodyfilename)
    return edit_file_get_content_and_remove(bodyfilename)


def edit_title_and_message(title: str, message: str) -> tuple:
    fd, bodyfilename = tempfile.mkstemp()
    os.close(fd)
    with open(bodyfilename, "w") as body:
        body.write(title + "\n\n")
        body.write(message + "\n")
    content = edit_file_get_content_and_remove(bodyfilename)
    title, _, message = content.partition("\n")
    return title, message.strip()
