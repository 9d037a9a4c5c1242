"""LKL307: a registration whose undo handle is dropped, so each repeat adds one nothing removes."""

from __future__ import annotations

from typing import ClassVar, List, Optional, Tuple

import libcst as cst

from leaklint import models
from leaklint.analysis import registrations as reg
from leaklint.analysis.quote import one_line_code
from leaklint.analysis.walk import walk
from leaklint.rule import Bad, Confidence, Good, Rule


class RegistrationHandleDropped(Rule):
    """
    ## What it does
    Flags a call that registers a listener, hook or sink and returns the only handle that takes
    it out again, where that handle is dropped: the result is discarded, bound to a name that is
    never read, or stored on `self` in an attribute that nothing else in the class reads. The
    calls come from the `register` API models (docs/models.md): torch's
    `module.register_forward_hook(...)` and the other `register_*hook` methods (undone by
    `handle.remove()`), Home Assistant's timers (`async_track_time_interval`,
    `async_track_time_change`: call the returned function), loguru's `logger.add(...)`
    (`logger.remove(sink_id)`), and asyncio's `loop.call_later`/`call_at` and tornado's
    `io_loop.add_timeout` (`handle.cancel()`, `io_loop.remove_timeout(handle)`) when the callback
    schedules itself again. A project adds its own under `[tool.leaklint.models.register]`.
    Registrations modelled as listeners (Home Assistant's bus, dispatcher, coordinator and
    config-entry listeners, state trackers) are LKL113's.

    ## Why is this bad?
    The registry keeps the listener, and the listener keeps whatever its closure or bound method
    holds. Without the handle nothing can take it out, so every repeat of the code adds one more:
    a feature-extraction helper that hooks the model on each call runs every old hook on every
    forward pass (and keeps every batch's activations they captured); a Home Assistant
    integration that drops the unsubscribe function keeps its old listeners and timers running
    after each reload of its config entry, still calling into the unloaded objects; a function
    that calls `logger.add("app.log")` each time writes every record once per call made so far
    and keeps one more file open each time.

    Registering once (at import, in `main()`, in Home Assistant's once-per-start `async_setup`,
    in a hook named to run once such as a plugin's `setup_once()`, in `__init_subclass__`, or behind
    a flag the function sets: `if _installed: return` ... `_installed = True`) is not reported. A
    one-shot timer (`loop.call_later`, `call_at`, `async_call_later`, `async_track_point_in_time`)
    is gone once it fires, so dropping its handle loses nothing: it is reported only when its
    callback schedules it again, or (low) when its class keeps the handles of its other timers. A handle handed to an owner that undoes it (`entry.async_on_unload(...)`,
    `self.async_on_remove(...)`, `stack.callback(...)`, a list of handles) or stored and read
    again is trusted.

    ## Known problems
    Confidence follows the default-visibility policy (docs/rules.md): medium where the code runs
    per call, per instance or per reload; low (strict profile only) for a hook on the object
    itself or on a part made in its `__init__` (`self.register_forward_hook(...)`: it lives and
    dies with the object), for a one-shot timer in a class that keeps its other timers' handles
    (it only cannot be cancelled), for a self-re-arming timer on a loop the class itself stops or
    closes, and in test modules. A timer whose callback schedules it again, not under a running check, is medium: it
    never ends, and it keeps `self` alive. A function that calls `logger.remove()` without an id (which removes every sink)
    before adding is not reported. Method models (`register_forward_hook`, `async_listen`,
    `async_add_listener`) match on the method name whatever the receiver, because its type is
    rarely visible (`async_listen` and `async_add_listener` also need a receiver named `bus` or
    `coordinator`: zeroconf has an `async_add_listener` that returns nothing); a project class
    with a same-named method whose result means something else can be silenced with
    `# noqa: LKL307`. Whether a stored handle is ever called is not
    followed: any other mention of the attribute in the class counts as a use.

    ## References
    - No rule in ruff, pylint or flake8-bugbear. PyTorch: `torch.utils.hooks.RemovableHandle`.
      Home Assistant developer docs: "Listening for events" (the helpers return a callable that
      cancels the listener) and the config-entry-unloading quality rule. loguru: `logger.add`,
      `logger.remove`.
    - Related: LKL113 (a listener whose unsubscribe function is dropped), LKL212 (a logging
      handler added per call), LKL216 (a listener list that only grows).
    """

    code = "LKL307"
    name = "registration-handle-dropped"
    # Registrations of the models marked ``listener`` (a callback added to a long-lived object's
    # listeners) are LKL113's; this rule keeps the rest (hooks, timers, sinks), the subclass those.
    listeners: ClassVar[bool] = False
    message = "`{call}` returns the handle that undoes it, and it is dropped"
    examples = (
        Bad(
            "def features(model, batch):\n    found = []\n"
            "    model.layer4.register_forward_hook(lambda mod, inp, out: found.append(out))\n"
            "    model(batch)\n    return found\n"
        ),
        Bad(
            "from homeassistant.helpers.event import async_track_time_interval\n\n\n"
            "async def async_setup_entry(hass, entry):\n    coordinator = hass.data[entry.entry_id]\n"
            "    async_track_time_interval(hass, coordinator.refresh, INTERVAL)\n    return True\n"
        ),
        Good(
            "def features(model, batch):\n    found = []\n"
            "    handle = model.layer4.register_forward_hook(lambda mod, inp, out: found.append(out))\n"
            "    try:\n        model(batch)\n    finally:\n        handle.remove()\n    return found\n"
        ),
        Good(
            "from homeassistant.helpers.event import async_track_time_interval\n\n\n"
            "async def async_setup_entry(hass, entry):\n    coordinator = hass.data[entry.entry_id]\n"
            "    entry.async_on_unload(async_track_time_interval(hass, coordinator.refresh, INTERVAL))\n"
            "    return True\n"
        ),
    )

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.models = models.for_settings(self.settings)
        mine = {name: entry for name, entry in self.models.register.items() if entry.listener == self.listeners}
        self.by_method = {entry.terminal: entry for entry in mine.values() if entry.method}
        self.terminals = {entry.terminal for entry in mine.values()} | {
            local for local, target in self.context.module_bindings.names.items() if target in mine
        }
        self.calls: List[cst.Call] = []

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        terminal = func.value if isinstance(func, cst.Name) else func.attr.value if isinstance(func, cst.Attribute) else None
        if terminal in self.terminals:
            self.calls.append(node)  # resolved in leave_Module, when every parent is known

    def leave_Module(self, node: cst.Module) -> None:
        for call in self.calls:
            entry = self._entry(call)
            if entry is not None:
                self._check(call, entry)

    def _entry(self, call: cst.Call) -> Optional[models.Register]:
        qualified = self.context.qualified_name(call.func)
        if qualified is not None and qualified in self.models.register:
            return self.models.register[qualified]
        if isinstance(call.func, cst.Attribute):
            entry = self.by_method.get(call.func.attr.value)
            if entry is not None and entry.receivers and not _receiver_named(call.func.value, entry.receivers):
                return None
            if entry is not None and qualified is None:
                return entry  # `model.register_forward_hook(...)`: a receiver we cannot type
            if entry is not None and qualified is not None and qualified.startswith(self.context.module_name + "."):
                return entry  # `model.register_forward_hook(...)` where `model` is a module-level name
        return None

    def _check(self, call: cst.Call, entry: models.Register) -> None:
        if entry.listener != self.listeners or reg.runs_once(self.context, call):
            return
        fate = reg.handle_fate(self.context, call)
        if fate is None:
            return
        if entry.once and not self._worth_cancelling(call):
            return  # a one-shot timer ends by itself once it fires: nothing is left registered
        function = self.context.nearest(call, cst.FunctionDef)
        if self._removes_all(function, entry):
            return
        confidence, why = self._grade(call, entry, function)
        shown = one_line_code(self.context.code(call))
        if len(shown) > 70:
            shown = shown[:66] + "...)"
        kept = {
            reg.DROPPED: "its result is dropped",
            reg.UNUSED: f"it is bound to `{fate.name}`, which is never used",
            reg.NEVER_READ: f"it is stored in `{fate.name}`, which nothing in the class reads again",
        }[fate.kind]
        message = f"`{shown}` returns the only handle that undoes the registration, and {kept}: {why}"
        self.report(call, message, suggestion=self._suggestion(call, entry, fate, function), confidence=confidence)

    def _grade(self, call: cst.Call, entry: models.Register, function: Optional[cst.FunctionDef]) -> Tuple[Confidence, str]:
        where = f"`{function.name.value}()`" if function is not None else "this code"
        if entry.once and reg.rearms_itself(self.context, call):
            if reg.receiver_ended_by_class(self.context, call):
                return Confidence.LOW, (
                    f"the callback schedules {where} again, but on a loop the class stops or closes: the timer goes with it"
                )
            return Confidence.MEDIUM, (
                f"the callback schedules {where} again every time it runs, so the timer never ends "
                "and nothing can cancel it (it also keeps `self` alive)"
            )
        if entry.once:
            return Confidence.LOW, (
                "it ends by itself once it fires, but the class keeps its other timers' handles "
                "and nothing can cancel this one before then"
            )
        if entry.method and reg.receiver_is_own(self.context, call):
            return Confidence.LOW, "the hook sits on the object itself (or a part it made), and goes with it"
        if function is not None and function.name.value == "async_setup_entry":
            return Confidence.MEDIUM, "every reload of the config entry adds another listener that keeps running after unload"
        return Confidence.MEDIUM, f"every run of {where} adds another that nothing can remove"

    def _worth_cancelling(self, call: cst.Call) -> bool:
        """A dropped one-shot timer is reported only when it re-arms itself (it never ends), or
        when its class keeps the handles of its other timers (and so could cancel this one)."""
        if reg.rearms_itself(self.context, call):
            return True
        once = {entry.terminal for entry in self.models.register.values() if entry.once}
        return reg.owner_keeps_other_handles(self.context, call, once)

    def _removes_all(self, function: Optional[cst.FunctionDef], entry: models.Register) -> bool:
        """``logger.remove()`` (no id) in the same function: every sink goes, so adding is idempotent."""
        if function is None or "(returned)" not in entry.undo:
            return False
        remover = entry.undo.split("(", 1)[0]
        for node in walk(function):
            if isinstance(node, cst.Call) and not node.args and self.context.qualified_name(node.func) == remover:
                return True
        return False

    def _spelled(self, undo: str, entry: models.Register, call: cst.Call) -> str:
        """``loguru.logger.remove(handle)`` as the code spells the receiver: ``logger.remove(handle)``."""
        owner = entry.qualname.rsplit(".", 1)[0]
        if undo.startswith(owner + ".") and isinstance(call.func, cst.Attribute):
            return one_line_code(self.context.code(call.func.value)) + undo[len(owner):]
        return undo

    def _suggestion(self, call: cst.Call, entry: models.Register, fate: reg.Fate,
                    function: Optional[cst.FunctionDef]) -> str:
        handle = fate.name if fate.kind != reg.DROPPED else ("unsub" if entry.undo == "returned()" else "handle")
        undo = self._spelled(entry.undo_code(handle), entry, call)
        if entry.qualname.startswith("homeassistant."):
            params = reg.function_names(function)
            owner = next((p for p in ("entry", "config_entry") if p in params), None)
            if owner is not None:
                return f"hand it to `{owner}.async_on_unload(...)` so unloading the entry removes it, or call `{undo}` on unload"
            if self.context.enclosing_class(call) is not None:
                return f"hand it to `self.async_on_remove(...)` so removing the entity removes it, or call `{undo}` on removal"
            return f"keep it and call `{undo}` when the listener is no longer needed"
        if entry.once and reg.rearms_itself(self.context, call) and not reg.receiver_ended_by_class(self.context, call):
            cancel = self._spelled(entry.undo_code("self._timer"), entry, call)
            return (
                f"keep the latest handle on the object (`self._timer = {one_line_code(self.context.code(call))}`) "
                f"and call `{cancel}` in its stop/close method"
            )
        if fate.kind == reg.NEVER_READ:
            return f"call `{undo}` in the class's close/teardown method (and before registering again)"
        return f"keep the handle and call `{undo}` once it is no longer needed (in a `finally:` block when it is only needed for this call)"


def _receiver_named(receiver: cst.BaseExpression, names: Tuple[str, ...]) -> bool:
    """``hass.bus`` / ``self._coordinator`` / ``entry.runtime_data.coordinator``: the last name of
    the receiver, without leading underscores, ends with one of ``names``."""
    last = receiver.attr.value if isinstance(receiver, cst.Attribute) else receiver.value if isinstance(receiver, cst.Name) else ""
    last = last.lstrip("_")
    return any(last.endswith(name) for name in names)
