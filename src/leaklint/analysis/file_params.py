"""Whether a parameter is, where it is used, a file object the caller passed in.

``zipfile.ZipFile(data)`` opens a file when ``data`` is a path and only wraps it when ``data`` is a
file object; a wrapper over the caller's stream holds no descriptor of its own. Functions that
accept both say which one they have: ``if hasattr(data, "read"):``, ``if isinstance(data,
io.IOBase):``, ``if not isinstance(data, (str, os.PathLike)):``, an early ``raise`` when the
object has no ``read``, or an annotation (``stream: BinaryIO``).
"""

from __future__ import annotations

from typing import Callable, Iterator, Sequence

import libcst as cst

from leaklint.analysis.context import FileContext
from leaklint.analysis.names import last_name
from leaklint.analysis.walk import walk

# Methods only a file object has (``hasattr(x, "read")``); a path or bytes has none of them.
_FILE_METHODS = frozenset({"read", "readinto", "readline", "write", "seek", "tell", "fileno", "flush"})
# Classes of file objects, by their last name (``io.IOBase``, ``typing.BinaryIO``, ``IO[bytes]``).
_FILE_CLASSES = frozenset({
    "IOBase", "RawIOBase", "BufferedIOBase", "TextIOBase", "IO", "BinaryIO", "TextIO", "BytesIO", "StringIO",
    "BufferedReader", "BufferedWriter", "BufferedRandom", "TextIOWrapper", "FileIO", "SpooledTemporaryFile",
})
# Classes of what names a file instead (``isinstance(x, (str, os.PathLike))``).
_PATH_CLASSES = frozenset({"str", "bytes", "PathLike", "Path", "PurePath", "PosixPath", "WindowsPath"})


def caller_file_object(context: FileContext, call: cst.Call, name: str, scope: cst.CSTNode) -> bool:
    """``name``, a parameter of the function ``scope``, is a file object where ``call`` uses it:
    the ``if`` arms around the call or an earlier early exit say so, or its annotation does."""
    if not isinstance(scope, cst.FunctionDef):
        return False
    params = [*scope.params.posonly_params, *scope.params.params, *scope.params.kwonly_params]
    param = next((p for p in params if p.name.value == name), None)
    if param is None:
        return False
    if param.annotation is not None and _file_annotation(param.annotation.annotation):
        return True
    child: cst.CSTNode = call
    for ancestor in context.ancestors(call):
        if ancestor is scope:
            return False
        if isinstance(ancestor, (cst.If, cst.IfExp)):
            if child is ancestor.body:
                if _says_file(ancestor.test, name, True):
                    return True
            elif child is ancestor.orelse and _says_file(ancestor.test, name, False):
                return True
        if isinstance(ancestor, (cst.IndentedBlock, cst.Module)) and _exited_unless_file(ancestor.body, child, name):
            return True
        child = ancestor  # (an `else:` block's `If` is reached with `child` its orelse)
    return False


def _exited_unless_file(body: Sequence[cst.CSTNode], statement: cst.CSTNode, name: str) -> bool:
    """An earlier statement of ``body`` leaves (``raise``/``return``) unless ``name`` is a file
    object, or asserts that it is one."""
    for earlier in body:
        if earlier is statement:
            return False
        if isinstance(earlier, cst.If) and earlier.orelse is None and _exits(earlier.body) \
                and _says_file(earlier.test, name, False):
            return True
        if isinstance(earlier, cst.SimpleStatementLine):
            for small in earlier.body:
                if isinstance(small, cst.Assert) and _says_file(small.test, name, True):
                    return True
    return False


def _exits(block: cst.BaseSuite) -> bool:
    statements = block.body if isinstance(block, cst.IndentedBlock) else [block]
    last = statements[-1] if statements else None
    smalls = last.body if isinstance(last, cst.SimpleStatementLine) else ()
    return bool(smalls) and isinstance(smalls[-1], (cst.Raise, cst.Return))  # type: ignore[index]


def _says_file(test: cst.BaseExpression, name: str, truth: bool) -> bool:
    """``test`` having the value ``truth`` means ``name`` is a file object."""
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        return _says_file(test.expression, name, not truth)
    if isinstance(test, cst.BooleanOperation):
        # Both operands have the value when `a and b` is true, or when `a or b` is false.
        if isinstance(test.operator, cst.And) == truth:
            return _says_file(test.left, name, truth) or _says_file(test.right, name, truth)
        return False
    if not isinstance(test, cst.Call) or not isinstance(test.func, cst.Name) or len(test.args) != 2:
        return False
    subject, second = test.args[0].value, test.args[1].value
    if not isinstance(subject, cst.Name) or subject.value != name:
        return False
    if test.func.value == "hasattr":
        return truth and isinstance(second, cst.SimpleString) and second.evaluated_value in _FILE_METHODS
    if test.func.value == "isinstance":
        kinds = [e.value for e in second.elements] if isinstance(second, cst.Tuple) else [second]
        last = [last_name(kind) for kind in kinds]
        if truth:
            return all(n in _FILE_CLASSES for n in last)
        return all(n in _PATH_CLASSES for n in last)
    return False


def _file_annotation(annotation: cst.BaseExpression) -> bool:
    """``BinaryIO``, ``IO[bytes]``, ``io.BufferedReader``, ``Optional[IO[str]]`` (not a union
    with ``str`` or a path)."""
    if isinstance(annotation, cst.SimpleString):
        return False  # a string annotation: not parsed here
    if isinstance(annotation, cst.Subscript):
        outer = last_name(annotation.value)
        if outer in ("Optional", "Union"):
            inner = [e.slice.value for e in annotation.slice if isinstance(e.slice, cst.Index)]
            return bool(inner) and all(_file_annotation(i) or last_name(i) == "None" for i in inner)
        return outer in _FILE_CLASSES
    if isinstance(annotation, cst.BinaryOperation) and isinstance(annotation.operator, cst.BitOr):
        return all(_file_annotation(side) or last_name(side) == "None" for side in (annotation.left, annotation.right))
    return last_name(annotation) in _FILE_CLASSES



def file_object_elsewhere(
    context: FileContext, value: cst.BaseExpression, scope: cst.CSTNode, opens_file: Callable[[cst.Call], bool]
) -> bool:
    """``value`` (a name or ``self.<attribute>``) visibly holds a file object, not a path: it is
    assigned one somewhere in ``scope`` (or, for an attribute, in its class), or ``scope`` is
    called in this module with one in that parameter (``self._read(fileObj=open(path, "rb"))``).
    A file object is what ``opens_file`` accepts or an instance of a class of this module that
    reads or seeks. ``zipfile.ZipFile(value)`` then wraps the caller's stream and owns nothing."""
    is_file = lambda node: _file_value(context, node, opens_file)  # noqa: E731
    if isinstance(value, cst.Attribute) and isinstance(value.value, cst.Name) and value.value.value == "self":
        cls = context.enclosing_class(scope)
        return cls is not None and any(
            is_file(assigned) for assigned in _assigned_values(cls, lambda t: isinstance(t, cst.Attribute)
                                                               and isinstance(t.value, cst.Name) and t.value.value == "self"
                                                               and t.attr.value == value.attr.value)
        )
    if not isinstance(value, cst.Name) or not isinstance(scope, cst.FunctionDef):
        return False
    name = value.value
    if any(is_file(assigned) for assigned in _assigned_values(scope, lambda t: isinstance(t, cst.Name) and t.value == name)):
        return True
    params = [*scope.params.posonly_params, *scope.params.params]
    position = next((i for i, p in enumerate(params) if p.name.value == name), None)
    if position is None and not any(p.name.value == name for p in scope.params.kwonly_params):
        return False
    is_method = context.enclosing_class(scope) is not None and bool(params) and params[0].name.value == "self"
    for call in walk(context.module):
        if not isinstance(call, cst.Call) or last_name(call.func) != scope.name.value:
            continue
        positional = [a for a in call.args if a.keyword is None and not a.star]
        index = None if position is None else position - (1 if is_method and isinstance(call.func, cst.Attribute) else 0)
        for arg in call.args:
            if (arg.keyword is not None and arg.keyword.value == name) or (
                    arg.keyword is None and index is not None and 0 <= index < len(positional) and positional[index] is arg):
                if is_file(arg.value):
                    return True
    return False


def _assigned_values(scope: cst.CSTNode, matches: Callable[[cst.BaseExpression], bool]) -> Iterator[cst.BaseExpression]:
    for inner in walk(scope):
        if isinstance(inner, cst.Assign) and any(matches(t.target) for t in inner.targets):
            yield inner.value


def _file_value(context: FileContext, value: cst.BaseExpression, opens_file: Callable[[cst.Call], bool]) -> bool:
    if not isinstance(value, cst.Call):
        return False
    if opens_file(value):
        return True
    if not isinstance(value.func, cst.Name):
        return False
    for statement in context.module.body:
        if isinstance(statement, cst.ClassDef) and statement.name.value == value.func.value:
            body = statement.body.body if isinstance(statement.body, cst.IndentedBlock) else ()
            return any(isinstance(s, cst.FunctionDef) and s.name.value in ("read", "seek", "readinto") for s in body)
    return False
