"""LKL501: a constant expression whose value cannot fit in memory."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Dict, List, Optional, Union

import libcst as cst

from leaklint.rule import Bad, Good, Option, Rule

_EXACT_LIMIT_BITS = 4096  # below this, integers are computed exactly (cheap); above, estimated
_MAX_DEPTH = 200  # deeper expressions are not estimated (and are not constants people write)


@dataclass(frozen=True)
class _Int:
    """An integer: exact when small, else log2(log2(|value|)) (the log-log keeps floats finite)."""

    exact: Optional[int] = None
    loglog: float = 0.0

    def log2(self) -> float:
        if self.exact is not None:
            return math.log2(abs(self.exact)) if self.exact else -math.inf
        return _pow2(self.loglog)

    def bytes(self) -> float:
        return _pow2(self.loglog - 3) if self.exact is None else abs(self.exact).bit_length() / 8


@dataclass(frozen=True)
class _Seq:
    """A list, tuple, str or bytes: its length and the bytes one item costs."""

    kind: str
    length: float
    item_bytes: float

    def bytes(self) -> float:
        return self.length * self.item_bytes


_Estimate = Union[_Int, _Seq]


def _pow2(exponent: float) -> float:
    return 2.0**exponent if exponent < 1024 else math.inf


def _int_from_log2(log2_value: float) -> _Int:
    if log2_value < 1000:
        return _Int(exact=int(2**log2_value))
    return _Int(loglog=math.log2(log2_value))


def _as_int(value: int) -> _Int:
    return _Int(exact=value)


class _Estimator:
    """Estimates the value of literal-only expressions without evaluating anything big."""

    def __init__(self) -> None:
        self.cache: Dict[int, Optional[_Estimate]] = {}

    def estimate(self, node: cst.BaseExpression, depth: int = 0) -> Optional[_Estimate]:
        key = id(node)
        if key not in self.cache:
            self.cache[key] = self._estimate(node, depth) if depth < _MAX_DEPTH else None
        return self.cache[key]

    def _estimate(self, node: cst.BaseExpression, depth: int) -> Optional[_Estimate]:
        if isinstance(node, cst.Integer):
            try:
                return _as_int(int(node.value.replace("_", ""), 0))
            except ValueError:
                return None
        if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)):
            value = node.evaluated_value
            if isinstance(value, (str, bytes)):
                return _Seq("bytes" if isinstance(value, bytes) else "str", float(len(value)), 1.0)
            return None
        if isinstance(node, (cst.List, cst.Tuple)):
            if any(isinstance(element, cst.StarredElement) for element in node.elements):
                return None
            return _Seq("list" if isinstance(node, cst.List) else "tuple", float(len(node.elements)), 8.0)
        if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, (cst.Minus, cst.Plus)):
            inner = self.estimate(node.expression, depth + 1)
            if isinstance(inner, _Int) and inner.exact is not None and isinstance(node.operator, cst.Minus):
                return _as_int(-inner.exact)
            return inner if isinstance(inner, _Int) else None
        if isinstance(node, cst.BinaryOperation):
            left = self.estimate(node.left, depth + 1)
            right = self.estimate(node.right, depth + 1)
            if left is None or right is None:
                return None
            return _binary(node.operator, left, right)
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Name) and len(node.args) == 1:
            return self._call(node.func.value, node.args[0], depth)
        return None

    def _call(self, function: str, argument: cst.Arg, depth: int) -> Optional[_Estimate]:
        if argument.keyword is not None or argument.star:
            return None
        value = self.estimate(argument.value, depth + 1)
        if function in ("bytes", "bytearray") and isinstance(value, _Int):
            return _Seq(function, _pow2(value.log2()), 1.0)
        if function in ("list", "tuple") and isinstance(argument.value, cst.Call):
            inner = argument.value
            if isinstance(inner.func, cst.Name) and inner.func.value == "range" and len(inner.args) == 1:
                count = self.estimate(inner.args[0].value, depth + 2)
                if isinstance(count, _Int):
                    # a pointer per item plus an int object (28 bytes) for all but the cached ones
                    return _Seq(function, _pow2(count.log2()), 36.0)
        return None


def _binary(operator: cst.BaseBinaryOp, left: _Estimate, right: _Estimate) -> Optional[_Estimate]:
    if isinstance(left, _Int) and isinstance(right, _Int):
        return _int_binary(operator, left, right)
    if isinstance(operator, cst.Multiply):
        sequence, count = (left, right) if isinstance(left, _Seq) else (right, left)
        if isinstance(sequence, _Seq) and isinstance(count, _Int):
            if count.exact is not None and count.exact <= 0:
                return _Seq(sequence.kind, 0.0, sequence.item_bytes)
            return _Seq(sequence.kind, sequence.length * _pow2(count.log2()), sequence.item_bytes)
    if isinstance(operator, cst.Add) and isinstance(left, _Seq) and isinstance(right, _Seq):
        return _Seq(left.kind, left.length + right.length, max(left.item_bytes, right.item_bytes))
    return None


def _int_binary(operator: cst.BaseBinaryOp, left: _Int, right: _Int) -> Optional[_Int]:
    if left.exact is not None and right.exact is not None:
        a, b = left.exact, right.exact
        small = abs(a) <= 1 or b < 0
        if isinstance(operator, cst.Power) and (small or b * math.log2(abs(a) or 1) < _EXACT_LIMIT_BITS):
            return _as_int(a**b) if b >= 0 else _as_int(0)
        if isinstance(operator, cst.LeftShift) and b >= 0 and b < _EXACT_LIMIT_BITS:
            return _as_int(a << b)
        if isinstance(operator, (cst.Add, cst.Subtract, cst.Multiply, cst.FloorDivide, cst.Modulo, cst.RightShift)):
            if max(abs(a).bit_length(), abs(b).bit_length()) < _EXACT_LIMIT_BITS:
                return _exact_arithmetic(operator, a, b)
    if isinstance(operator, cst.Power):
        if right.exact is not None and right.exact < 0:
            return _as_int(0)
        if left.exact is not None and abs(left.exact) <= 1:
            return _as_int(left.exact)
        # log2(a ** b) = b * log2(a), so log2(log2(a ** b)) = log2(b) + log2(log2(a))
        loglog = right.log2() + math.log2(left.log2())
        return _Int(loglog=loglog) if loglog >= 10 else _int_from_log2(2**loglog)
    if isinstance(operator, cst.Multiply):
        return _int_from_log2(left.log2() + right.log2())
    if isinstance(operator, cst.LeftShift):
        shift_log2 = right.log2()
        if shift_log2 >= 1000:
            return _Int(loglog=shift_log2)  # the shift dominates: log2(result) ~ b
        return _int_from_log2(left.log2() + 2**shift_log2)
    if isinstance(operator, (cst.Add, cst.Subtract)):
        return _int_from_log2(max(left.log2(), right.log2()) + 1)
    return None


def _exact_arithmetic(operator: cst.BaseBinaryOp, a: int, b: int) -> Optional[_Int]:
    try:
        if isinstance(operator, cst.Add):
            return _as_int(a + b)
        if isinstance(operator, cst.Subtract):
            return _as_int(a - b)
        if isinstance(operator, cst.Multiply):
            return _as_int(a * b)
        if isinstance(operator, cst.FloorDivide):
            return _as_int(a // b)
        if isinstance(operator, cst.Modulo):
            return _as_int(a % b)
        if isinstance(operator, cst.RightShift):
            return _as_int(a >> b) if b >= 0 else None
    except (ZeroDivisionError, ValueError):
        return None
    return None


def _human_bytes(size: float) -> str:
    if size == math.inf or size > 1e300:
        return "more bytes than a float can count"
    for unit in ("bytes", "KB", "MB", "GB", "TB", "PB", "EB"):
        if size < 1000:
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1000
    return f"about 10^{math.log10(size) + 18:.0f} bytes"


def _describe(estimate: _Estimate) -> str:
    if isinstance(estimate, _Int):
        log10_digits = (estimate.loglog if estimate.exact is None else math.log2(max(estimate.log2(), 1.0))) * math.log10(2) + math.log10(math.log10(2))
        if log10_digits == math.inf:
            return "an integer with more digits than can be written down"
        if log10_digits < 15:
            return f"an integer of about {10 ** log10_digits:,.0f} digits ({_human_bytes(estimate.bytes())})"
        return f"an integer of about 10^{log10_digits:.0f} digits"
    count = estimate.length
    items = f"about {count:,.0f}" if count < 1e15 else (f"about 10^{math.log10(count):.0f}" if count != math.inf else "uncountably many")
    article, noun = _KINDS[estimate.kind]
    return f"{article} of {items} {noun} ({_human_bytes(estimate.bytes())})"


_KINDS = {
    "list": ("a list", "items"),
    "tuple": ("a tuple", "items"),
    "str": ("a string", "characters"),
    "bytes": ("a bytes object", "bytes"),
    "bytearray": ("a bytearray", "bytes"),
}


class MemoryExhaustingConstant(Rule):
    """
    ## What it does
    Flags a constant expression whose value cannot fit in memory, such as
    `1024 ** 1024 ** 1024` or `[0] * 10 ** 12`.

    ## Why is this bad?
    The interpreter tries to build the value when the line runs: `1024 ** 1024 ** 1024` asks for an
    integer with about 10^3083 digits, and `[0] * 10 ** 12` for eight terabytes of pointers. The
    process grows until the machine swaps or the process is killed, usually long after the line
    was written, on the first machine that exercises that code path.

    leaklint estimates the size of the result from the literal operands, in logarithms, without
    evaluating anything big, and flags results above `max-bytes` (1 GB by default).

    ## Known problems
    Only literal operands are followed: `n = 10 ** 12` followed by `[0] * n` is not flagged.
    Sizes are estimates (a list item is counted as a pointer, a character as a byte).

    ## References
    - pylint: none. ruff: none. flake8-bugbear: none. CPython's constant folder refuses to fold
      such values at compile time, so the cost appears at run time.
    """

    code = "LKL501"
    name = "memory-exhausting-constant"
    message = "constant expression builds {what}, which cannot fit in memory"
    options = (Option("max-bytes", int, 1_000_000_000, "flag constant results estimated above this many bytes"),)
    examples = (
        Bad("i = 1024 ** 1024 ** 1024\n"),
        Bad("zeros = [0] * 10 ** 12\n"),
        Bad("blob = b'x' * 10 ** 10\n"),
        Bad("buffer = bytearray(2 ** 40)\n"),
        Good("KIB = 2 ** 10\nMASK = (1 << 64) - 1\nrow = [0] * 1024\n"),
        Good("def grid(n):\n    return [[0] * n for _ in range(n)]\n"),
    )

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.estimator = _Estimator()

    def visit_BinaryOperation(self, node: cst.BinaryOperation) -> None:
        self._check_root(node)

    def visit_Call(self, node: cst.Call) -> None:
        if isinstance(node.func, cst.Name) and node.func.value in ("bytes", "bytearray", "list", "tuple"):
            self._check_root(node)

    def _check_root(self, node: cst.BaseExpression) -> None:
        parent = self.context.parent(node)
        if isinstance(parent, (cst.BinaryOperation, cst.UnaryOperation)):
            return  # the enclosing expression is checked (or reports its parts) instead
        for offender in self._offenders(node):
            estimate = self.estimator.estimate(offender)
            assert estimate is not None
            code = self.context.code(offender).strip()
            shown = code if len(code) <= 60 else code[:57] + "..."
            if isinstance(estimate, _Int):
                suggestion = (
                    f"do not build `{shown}`: if you need its size or last digits, compute them with "
                    "logarithms or `pow(base, exponent, modulus)`; otherwise reconsider the constant"
                )
            else:
                suggestion = (
                    f"do not materialise `{shown}`: produce the items lazily (a generator, "
                    "`itertools.repeat`, `range`), use a sparse structure, or reconsider the size"
                )
            self.report(offender, f"`{shown}` builds {_describe(estimate)}, which cannot fit in memory", suggestion=suggestion)

    def _offenders(self, node: cst.BaseExpression) -> List[cst.BaseExpression]:
        limit = float(self.option("max-bytes"))
        found: List[cst.BaseExpression] = []
        stack: List[cst.BaseExpression] = [node]
        while stack:
            current = stack.pop()
            estimate = self.estimator.estimate(current)
            if estimate is not None and estimate.bytes() > limit:
                found.append(current)
            elif isinstance(current, cst.BinaryOperation):
                stack.extend((current.right, current.left))
            elif isinstance(current, cst.UnaryOperation):
                stack.append(current.expression)
        return found
