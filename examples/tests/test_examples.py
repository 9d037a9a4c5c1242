"""Each example exercised once: `pytest examples/tests --leaklint` shows which findings really leak.

Run `pytest examples/tests --leaklint --leaklint-report=runtime.json`, then
`leaklint check examples --runtime-report runtime.json` (see docs/runtime.md).
"""

import asyncio
import types

import pytest

import closures
import concurrency
import cycles
import growth
import resources


def test_tree_with_nodes():
    tree = cycles.Tree()
    tree.add("leaf")


def test_scheduler_callback():
    scheduler = closures.Scheduler()
    scheduler.schedule({"user": "ada"})


def test_load_settings(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"debug": true}')
    assert resources.load_settings(path) == {"debug": True}


def test_save_greeting(tmp_path):
    resources.save_greeting(tmp_path / "greeting.txt")
    assert (tmp_path / "greeting.txt").read_text() == "hello"


def test_signup_notifies():
    asyncio.run(concurrency.on_signup("ada"))


@pytest.mark.leaklint_repeat(3)
def test_handle_request():
    request = types.SimpleNamespace(body=b"ping")
    assert growth.handle(request) == b"ping"
