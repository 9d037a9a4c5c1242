import logging
import threading
import time

LOGGER = logging.getLogger(__name__)
cache_limit = 512


def setup(bot) -> None:
    if "safety_cache" not in bot.memory:
        bot.memory["safety_cache"] = {}
    if "safety_cache_lock" not in bot.memory:
        bot.memory["safety_cache_lock"] = threading.Lock()


def url_handler(bot, trigger, lookup) -> dict:
    if trigger not in bot.memory["safety_cache"]:
        data = {"positives": lookup(trigger), "fetched": time.time()}
        bot.memory["safety_cache"][trigger] = data
        if len(bot.memory["safety_cache"]) >= (2 * cache_limit):
            _clean_cache(bot)
    return bot.memory["safety_cache"][trigger]


def _clean_cache(bot) -> None:
    """Cleans up old entries in URL safety cache."""
    if bot.memory["safety_cache_lock"].acquire(False):  # LEAK
        LOGGER.info("Starting safety cache cleanup...")
        cutoff = time.time() - (7 * 24 * 60 * 60)
        old_keys = [key for key, data in bot.memory["safety_cache"].items() if data["fetched"] <= cutoff]
        for key in old_keys:
            bot.memory["safety_cache"].pop(key, None)
        overage = bot.memory["safety_cache"] - cache_limit
        if overage > 0:
            extra_keys = sorted((data["fetched"], key) for (key, data) in bot.memory["safety_cache"].items())[:overage]
            for (_, key) in extra_keys:
                bot.memory["safety_cache"].pop(key, None)
        LOGGER.info("Safety cache cleanup finished.")
        bot.memory["safety_cache_lock"].release()
    else:
        LOGGER.info("Skipping safety cache cleanup: Cache is locked, cleanup already running.")
