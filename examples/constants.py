"""Constants that cannot fit in memory: `leaklint check examples/` flags them."""

LOOKUP = [0] * 10 ** 12
HUGE = 1024 ** 1024 ** 1024
