from __future__ import annotations

import os
import tempfile

from selenium import webdriver


def run_all(driver) -> None:
    for website in ["https://www.mozilla.org/"]:
        driver.get(website)
    driver.quit()


def main() -> None:
    os.environ["GCOV_PREFIX_STRIP"] = "5"
    os.environ["MOZ_HEADLESS"] = "1"

    with tempfile.TemporaryDirectory() as gcov_dir, tempfile.TemporaryDirectory() as jsvm_dir:
        os.environ["GCOV_PREFIX"] = gcov_dir
        os.environ["JS_CODE_COVERAGE_OUTPUT_DIR"] = jsvm_dir
        driver = webdriver.Firefox(firefox_binary="tools/firefox/firefox-bin")
        run_all(driver)


if __name__ == "__main__":
    main()
