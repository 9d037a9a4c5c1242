"""LKL113: a listener added to a long-lived object per setup or call, its unsubscribe handle dropped."""

from __future__ import annotations

from typing import ClassVar

from leaklint.rule import Bad, Good
from leaklint.rules.lkl307_registration_handle_dropped import RegistrationHandleDropped


class ListenerHandleDropped(RegistrationHandleDropped):
    """
    ## What it does
    Flags a call that adds a callback to the listeners of an object that outlives the calling
    code and returns the only function that takes it out again, where that function is dropped:
    the result is discarded, bound to a name that is never read, or stored on `self` in an
    attribute nothing else in the class reads. The calls are the `register` API models marked
    `listener` (docs/models.md): Home Assistant's `entry.add_update_listener(...)`,
    `hass.bus.async_listen(...)`/`async_listen_once(...)`, `async_dispatcher_connect(...)`,
    `coordinator.async_add_listener(...)` and the state-change trackers
    (`async_track_state_change_event`...). A project adds its own under
    `[tool.leaklint.models.register]` with `listener = true`.

    ## Why is this bad?
    The config entry, the event bus and the coordinator live as long as Home Assistant; an
    integration's `async_setup_entry` runs again on every reload of its entry (and an options
    listener that reloads the entry triggers one itself). Each run adds one more listener that
    nothing can take out: the old ones keep the unloaded coordinator and its clients alive and
    keep being called, so one options change reloads the entry once per reload made so far and
    every state change runs every stale callback.

    This is its own code, in the pin family, beside LKL307 (which keeps timers, hooks and sinks
    whose dropped handle leaves work running): here what stays is a callback, and what it holds,
    in a long-lived object's listener list: a listener pinned by its registry, as in LKL111, but
    through a library's registration call.

    Registering once (Home Assistant's once-per-start `async_setup`, a `main()`, a hook named to
    run once, behind a flag the function sets) is not reported. A handle handed to an owner that
    undoes it (`entry.async_on_unload(...)`, `self.async_on_remove(...)`, `stack.callback(...)`), kept
    in a list or a dict, or stored and read again is trusted.

    ## Known problems
    Medium confidence where the code runs per call, per instance or per reload; low (strict
    profile only) in test modules. Method models match on the method name whatever the receiver,
    with a receiver named as Home Assistant names it (`entry`, `config_entry`, `hass.bus`,
    `self.coordinator`); whether a stored handle is ever called is not followed: any other
    mention of the attribute in the class counts as a use. The rule only reads files that mention
    `listen`, `subscribe`, `dispatcher_connect`, `register_callback` or `track_`: a
    project's own listener model whose name has none of these is not looked for.

    ## References
    - Home Assistant developer docs: "Listening for events" (the helpers return a callable that
      cancels the listener), the config-entry `add_update_listener` and the
      config-entry-unloading quality rule.
    - Related: LKL307 (a timer, hook or sink whose handle is dropped), LKL111 (a listener kept by a
      project's registry).
    """

    code = "LKL113"
    name = "listener-handle-dropped"
    listeners: ClassVar[bool] = True
    # Every shipped listener model's name holds one of these; files without any pay nothing.
    trigger_names = ("listen", "dispatcher_connect", "subscribe", "register_callback", "track_")
    message = "`{call}` returns the function that removes the listener, and it is dropped"
    examples = (
        Bad(
            "async def async_setup_entry(hass, entry):\n"
            "    entry.add_update_listener(_async_entry_updated)\n    return True\n\n\n"
            "async def _async_entry_updated(hass, entry):\n"
            "    await hass.config_entries.async_reload(entry.entry_id)\n"
        ),
        Bad(
            "from homeassistant.helpers.dispatcher import async_dispatcher_connect\n\n\n"
            "async def async_setup_entry(hass, entry):\n    coordinator = hass.data[entry.entry_id]\n"
            "    async_dispatcher_connect(hass, 'update', coordinator.refresh)\n    return True\n"
        ),
        Good(
            "async def async_setup_entry(hass, entry):\n"
            "    entry.async_on_unload(entry.add_update_listener(_async_entry_updated))\n    return True\n\n\n"
            "async def _async_entry_updated(hass, entry):\n"
            "    await hass.config_entries.async_reload(entry.entry_id)\n"
        ),
        Good(
            "async def async_setup(hass, config):\n"
            "    hass.bus.async_listen('homeassistant_stop', _on_stop)\n    return True\n\n\n"
            "def _on_stop(event):\n    pass\n"
        ),
    )
