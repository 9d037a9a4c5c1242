from __future__ import annotations

from typing import Dict, List, Optional, Tuple

CRON_FIELDS = {5: ("minute", "hour", "day", "month", "day_of_week"), 6: ("minute", "hour", "day", "month", "day_of_week", "second")}
EXPRESSIONS: Dict[Tuple[str, Optional[bytes], bool], List[str]] = {}


class CroniterBadCronError(ValueError):
    pass


class croniter:
    def __init__(self, expr_format: str, start_time: float = 0.0, hash_id: Optional[bytes] = None,
                 second_at_beginning: bool = False) -> None:
        self.cur = start_time
        self.expanded, self.nth_weekday_of_month = self.expand(
            expr_format, hash_id=hash_id, second_at_beginning=second_at_beginning
        )
        self.expressions = EXPRESSIONS[(expr_format, hash_id, second_at_beginning)]
        self.fields = CRON_FIELDS[len(self.expanded)]

    @classmethod
    def _expand(cls, expr_format: str, hash_id: Optional[bytes] = None, second_at_beginning: bool = False):
        expressions = expr_format.split()
        if len(expressions) not in CRON_FIELDS:
            raise CroniterBadCronError("Exactly 5 or 6 columns has to be specified for iterator expression.")
        expanded: List[List[object]] = []
        nth_weekday_of_month: Dict[int, set] = {}
        for field in expressions:
            if field == "*":
                expanded.append(["*"])
            else:
                expanded.append(sorted(int(part) for part in field.split(",")))
        EXPRESSIONS[(expr_format, hash_id, second_at_beginning)] = expressions  # LEAK
        return expanded, nth_weekday_of_month

    @classmethod
    def expand(cls, expr_format: str, hash_id: Optional[bytes] = None, second_at_beginning: bool = False):
        try:
            return cls._expand(expr_format, hash_id=hash_id, second_at_beginning=second_at_beginning)
        except ValueError as exc:
            raise CroniterBadCronError(str(exc)) from exc
