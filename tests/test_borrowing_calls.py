"""Borrowing calls (the models' ``borrows`` section): a resource handed to a call that only reads
or writes it stays the caller's to release, whether it is passed inline or bound to a name first;
rendering it into a string (``"%s" % f``, ``"{}".format(f)``) is a use, not a hand-over."""

from __future__ import annotations

import textwrap
from typing import List

import pytest

from leaklint import lint_source, models
from leaklint.models import ModelError
from leaklint.models.schema import parse_table


def findings(source: str) -> List:  # type: ignore[type-arg]
    return [f for f in lint_source(textwrap.dedent(source), "example.py") if f.code.startswith("LKL30")]


def test_borrows_section_is_data_with_positions_and_keywords() -> None:
    assert models.borrows_argument("json.load", 0)
    assert models.borrows_argument("zipfile.ZipFile", 0)
    assert not models.borrows_argument("zipfile.ZipFile", 1)
    assert models.borrows_argument("tarfile.open", None, "fileobj")
    assert not models.borrows_argument("tarfile.open", 0)
    assert not models.borrows_argument("xml.sax.parse", 0)  # its parser closes the byte stream
    assert "csv.reader" in models.borrowers()


def test_borrows_entries_are_validated() -> None:
    with pytest.raises(ModelError, match="borrows.*args"):
        parse_table({"borrows": {"lib.load": {"args": ["receiver"]}}}, "models", "test")
    with pytest.raises(ModelError, match="unknown key"):
        parse_table({"borrows": {"lib.load": {"argz": [0]}}}, "models", "test")


def test_file_formatted_into_a_log_message_and_loaded_is_still_owned() -> None:
    # hiyapyco (fresh9): the file is logged with `%`, then read by yaml.safe_load_all
    (finding,) = findings(
        """
        import io
        import logging
        import yaml

        logger = logging.getLogger(__name__)

        def load(paths):
            for path in paths:
                f = io.open(path, "r")
                logger.debug("open4reading: file %s" % f)
                for data in yaml.safe_load_all(f):
                    print(data)
        """
    )
    assert "never closed" in finding.message
    assert "with io.open" in finding.suggestion


@pytest.mark.parametrize("render", ['"%s: %s" % (path, f)', '"file {}".format(f)', 'f"file {f}"'])
def test_every_string_rendering_is_a_use(render: str) -> None:
    (finding,) = findings(
        f"""
        import json

        def load(path, log):
            f = open(path)
            log.debug({render})
            return json.load(f)
        """
    )
    assert "never closed" in finding.message


def test_archive_over_a_callers_file_object_does_not_take_it_over() -> None:
    # zipfile/tarfile leave a file object they were given open when they are closed
    found = findings(
        """
        import tarfile
        import zipfile

        def names(path):
            f = open(path, "rb")
            z = zipfile.ZipFile(f)
            listed = z.namelist()
            z.close()
            return listed

        def members(path):
            f = open(path, "rb")
            with tarfile.open(fileobj=f) as t:
                return t.getnames()
        """
    )
    assert [f.line for f in found] == [6, 13]


def test_inline_and_named_forms_agree_for_a_loader() -> None:
    inline = findings(
        """
        import yaml

        def load(path):
            return yaml.safe_load(open(path))
        """
    )
    named = findings(
        """
        import yaml

        def load(path):
            f = open(path)
            return yaml.safe_load(f)
        """
    )
    assert len(inline) == len(named) == 1


def test_borrowed_then_closed_or_managed_is_quiet() -> None:
    assert not findings(
        """
        import json
        import logging
        import zipfile

        log = logging.getLogger(__name__)

        def load(path):
            with open(path) as f:
                log.debug("reading %s" % f)
                return json.load(f)

        def names(path):
            with open(path, "rb") as f, zipfile.ZipFile(f) as z:
                return z.namelist()

        def opened(path):
            f = open(path)
            log.debug("opened %s" % f)
            return f

        def rows(path):
            f = open(path)
            try:
                return list(csv_rows(f))
            finally:
                f.close()

        def csv_rows(f):
            import csv
            return csv.reader(f)
        """
    )


def test_m2crypto_file_bios_are_files() -> None:
    # javatools (fresh9): two file BIOs opened inline for load_key_bio and never closed
    found = findings(
        """
        from M2Crypto import BIO, SMIME

        def sign(key, cert):
            smime = SMIME.SMIME()
            smime.load_key_bio(BIO.openfile(key), BIO.openfile(cert))

        def sign_closed(key, cert):
            smime = SMIME.SMIME()
            with BIO.openfile(key) as k, BIO.openfile(cert) as c:
                smime.load_key_bio(k, c)
        """
    )
    assert [(f.code, f.line) for f in found] == [("LKL301", 6), ("LKL301", 6)]


def test_lazy_borrower_iterated_here_is_reported_in_both_forms() -> None:
    # iterated here: the file is left open in both forms; returned inline, the reader keeps it
    # (quiet); returned by name it is reported without a fix (tests/test_fix_escape.py)
    found = findings(
        """
        import csv

        def inline_iter(p):
            for row in csv.reader(open(p)):
                print(row)

        def named_iter(p):
            f = open(p)
            for row in csv.reader(f):
                print(row)

        def inline_returned(p):
            return csv.reader(open(p))

        def named_returned(p):
            f = open(p)
            return csv.reader(f)
        """
    )
    assert [f.line for f in found] == [5, 9, 17]


def test_member_opened_from_a_bound_archive_is_a_file() -> None:
    # jfrog (fresh8): archive.open(name) per nested jar, handed to a scanner that only reads it
    found = findings(
        """
        import zipfile

        def scan(data):
            return b"x" in data.read()

        def nested(path):
            with zipfile.ZipFile(path) as archive:
                for name in archive.namelist():
                    member = archive.open(name)
                    scan(member)

        def nested_closed(path):
            with zipfile.ZipFile(path) as archive:
                for name in archive.namelist():
                    with archive.open(name) as member:
                        scan(member)

        def unknown(archive, name):
            member = archive.open(name)
            return scan(member)
        """
    )
    assert [f.line for f in found] == [10]


def test_textfsm_template_opened_inline_is_reported_and_its_with_twin_is_not() -> None:
    # napalm (fresh10): TextFSM parses the template and seeks it back, never closes it
    (finding,) = findings(
        """
        import textfsm

        def parse(path, text):
            fsm = textfsm.TextFSM(open(path))
            return fsm.ParseText(text)
        """
    )
    assert "textfsm.TextFSM()" in finding.message
    assert not findings(
        """
        import textfsm

        def parse(path, text):
            with open(path) as template:
                fsm = textfsm.TextFSM(template)
            return fsm.ParseText(text)
        """
    )
