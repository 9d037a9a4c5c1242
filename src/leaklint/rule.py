"""The rule API: what a rule declares, what it reports, and how a fix is described.

A rule is a class in ``leaklint/rules/`` (one per file). It declares its metadata as class
attributes, documents itself in a docstring with fixed ``## `` sections, and reports findings
from ``visit_<NodeType>`` / ``leave_<NodeType>`` methods that the engine calls during its single
walk over the file's libcst tree. Rule instances live for one file only.
"""

from __future__ import annotations

import enum
import inspect
import re
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

import libcst as cst

if TYPE_CHECKING:  # pragma: no cover
    from leaklint.analysis.context import FileContext

# Findings and their locations have slots (Python 3.10+: ``slots`` is new there): without them
# each instance carries a ``__dict__``, about 100-300 bytes more, and a run keeps tens of
# thousands at once (the class graph's edges and stores, the project pass's findings, a huge
# file's findings read back for the report).
_SLOTS: Dict[str, Any] = {"slots": True} if sys.version_info >= (3, 10) else {}


class Confidence(str, enum.Enum):
    HIGH = "high"
    MEDIUM = "medium"
    # Real but of little consequence (a cycle among objects that live as long as the process, or
    # one the code breaks itself): left out of the default profile, shown by `profile = "strict"`.
    LOW = "low"


# Profiles: "default" leaves out findings of LOW confidence, "strict" shows them. The engine reads
# the profile from the rule settings under this key (not a rule code).
PROFILES = ("default", "strict")
PROFILE_KEY = "*"


# Set (True) in a project-scope rule's settings when the run's profile hides low-confidence
# findings and no rule yields to this one: the rule may then leave them unbuilt (the engine would
# drop them anyway; see engine.project_findings).
LOW_HIDDEN_KEY = "*low-hidden"


def shows(confidence: "Confidence", rule_settings: Mapping[str, Mapping[str, Any]]) -> bool:
    """Whether a finding of ``confidence`` is reported under the profile in ``rule_settings``."""
    return confidence is not Confidence.LOW or rule_settings.get(PROFILE_KEY, {}).get("profile") == "strict"


class FixSafety(str, enum.Enum):
    SAFE = "safe"  # applied by --fix
    UNSAFE = "unsafe"  # applied only with --unsafe-fixes: it may change behaviour
    SUGGESTION = "suggestion-only"  # no machine fix, only the suggestion in words


@dataclass(frozen=True)
class Bad:
    """Code the rule must flag. ``fixed`` is the exact code after applying its fixes."""

    code: str
    fixed: Optional[str] = None
    unsafe: bool = False  # the fix that produces ``fixed`` needs --unsafe-fixes


@dataclass(frozen=True)
class Good:
    """Code that no rule may flag."""

    code: str


@dataclass(frozen=True)
class Option:
    """A per-rule setting, read from ``[tool.leaklint.<CODE>]`` in pyproject.toml."""

    name: str  # kebab-case, as written in pyproject.toml
    type: type
    default: Any
    help: str


@dataclass(frozen=True)
class ImportSpec:
    """An import a fix needs: ``import module`` or ``from module import name``."""

    module: str
    name: Optional[str] = None


Replacement = Union[cst.CSTNode, cst.FlattenSentinel, cst.RemovalSentinel]


@dataclass(frozen=True)
class Edit:
    """Replace ``node`` (found by identity in the file's tree) with ``replacement``."""

    node: cst.CSTNode
    replacement: Replacement


@dataclass(frozen=True)
class Fix:
    """A machine fix: CST edits plus the imports they need, added once per file."""

    edits: Tuple[Edit, ...]
    safety: FixSafety
    imports: Tuple[ImportSpec, ...] = ()


@dataclass(frozen=True)
class TextEdit:
    """A fix as text: replace the 1-based [start, end) region with ``content``."""

    start_line: int
    start_column: int
    end_line: int
    end_column: int
    content: str


@dataclass(frozen=True)
class FixInfo:
    """What is known about a finding's fix once the tree is gone (picklable, cacheable)."""

    title: str
    safety: FixSafety
    edits: Tuple[TextEdit, ...] = ()


@dataclass(frozen=True, **_SLOTS)
class Location:
    """A 1-based region: lines and columns (columns in code points, end exclusive)."""

    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True, **_SLOTS)
class RelatedLocation:
    """Another place a finding's reviewer needs to see: one hop of a reference cycle, say.

    ``message`` says what happens there, in a few words with the code's own names
    (``"`child.parent = self` (Node.parent holds a Tree)"``). Lines and columns are 1-based
    (columns in code points). Outputs list them in order (SARIF ``relatedLocations`` and a
    ``codeFlows`` thread flow, JSON ``related``, the full text format's indented lines).
    """

    path: str
    line: int
    column: int
    message: str


@dataclass(frozen=True, **_SLOTS)
class Finding:
    path: str
    code: str
    rule: str
    message: str
    suggestion: str
    location: Location
    confidence: Confidence = Confidence.HIGH
    fix: Optional[FixInfo] = None
    runtime: Optional[str] = None  # "confirmed at runtime by ..." (leaklint check --runtime-report)
    # The other statements the finding is about, in order (a cycle's hops); empty for most rules.
    related: Tuple[RelatedLocation, ...] = ()

    @property
    def line(self) -> int:
        return self.location.line

    @property
    def column(self) -> int:
        return self.location.column

    def sort_key(self) -> Tuple[str, int, int, str]:
        return (self.path, self.location.line, self.location.column, self.code)


@dataclass
class PendingFinding:
    """A finding whose node has not been given a position yet (the engine does that once)."""

    node: cst.CSTNode
    message: str
    suggestion: str
    confidence: Confidence
    fix: Optional[Fix]
    location: Optional[Location] = None
    related: Tuple[RelatedLocation, ...] = ()


CODE_PATTERN = re.compile(r"^LKL[0-9]{3}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
DOC_SECTIONS = ("What it does", "Why is this bad?", "Fix safety", "Known problems", "References")
REQUIRED_DOC_SECTIONS = ("What it does", "Why is this bad?", "Known problems", "References")


class Rule:
    """Base class of every rule. Subclasses set the class attributes below."""

    code: ClassVar[str]
    name: ClassVar[str]
    message: ClassVar[str]  # a summary of the message, for docs and SARIF
    fix_title: ClassVar[str] = ""  # what the machine fix does, empty when there is none
    fix_safety: ClassVar[FixSafety] = FixSafety.SUGGESTION
    examples: ClassVar[Sequence[Union[Bad, Good]]] = ()
    options: ClassVar[Sequence[Option]] = ()
    # Rules that cannot run on the tree (LKL001, LKL002) describe engine findings.
    engine_only: ClassVar[bool] = False
    # Rules whose verdict needs every file's facts (see ``file_facts``/``check_project``).
    project_scope: ClassVar[bool] = False
    # A cheap pre-check: when set, the rule runs only on files whose source contains at least one
    # of these strings (e.g. ("open", "socket")); elsewhere it is skipped before the walk, and a
    # project rule then has no facts for that file.
    trigger_names: ClassVar[Tuple[str, ...]] = ()
    # Project rules whose finding on the same line already says what this one would (two rules
    # that reach one shape from different sides): this rule's finding there is dropped, whatever
    # the other's confidence, so the profile that hides the other hides both.
    yields_to: ClassVar[Tuple[str, ...]] = ()

    def __init__(self, context: "FileContext", settings: Mapping[str, Any]) -> None:
        self.context = context
        self.settings = settings
        self.pending: List[PendingFinding] = []

    # -- reporting ----------------------------------------------------------------------------

    def report(
        self,
        node: cst.CSTNode,
        message: str,
        *,
        suggestion: str,
        confidence: Confidence = Confidence.HIGH,
        fix: Optional[Fix] = None,
        related: Sequence[RelatedLocation] = (),
    ) -> None:
        """Report ``node``. ``suggestion`` is the concrete fix in words, using the code's names;
        ``related`` lists other statements a reviewer needs (a cycle's hops), in order."""
        if not suggestion:
            raise ValueError(f"{self.code}: every finding needs a suggested fix")
        from leaklint.analysis.dead_arms import in_dead_arm  # (analysis imports this module)

        if in_dead_arm(self.context, node):
            return  # `if True: ... else: <here>`: code that never runs leaks nothing
        self.pending.append(PendingFinding(node, message, suggestion, confidence, fix, related=tuple(related)))

    def option(self, name: str) -> Any:
        return self.settings[name]

    # -- project-wide analysis (optional) ---------------------------------------------------------

    def file_facts(self) -> Any:
        """Picklable facts about this file, given to ``check_project``. None: nothing to say."""
        return None

    @classmethod
    def check_project(cls, facts: Mapping[str, Any], settings: Mapping[str, Any]) -> Iterable[Finding]:
        """Findings that need every file's facts; ``facts`` maps path -> ``file_facts()``."""
        return ()

    # -- documentation ----------------------------------------------------------------------------

    @classmethod
    def doc_sections(cls) -> Dict[str, str]:
        return parse_doc_sections(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        """The first sentence of ``## What it does``."""
        text = " ".join(cls.doc_sections().get("What it does", cls.message).split())
        match = re.match(r"(.+?[.!?])(\s|$)", text)
        return match.group(1) if match else text

    @classmethod
    def default_settings(cls) -> Dict[str, Any]:
        return {option.name: option.default for option in cls.options}


def parse_doc_sections(doc: str) -> Dict[str, str]:
    """Split a rule docstring into its ``## Heading`` sections (dedented, stripped)."""
    sections: Dict[str, str] = {}
    current: Optional[str] = None
    lines: List[str] = []
    for line in inspect.cleandoc(doc).splitlines():
        if line.startswith("## "):
            if current is not None:
                sections[current] = "\n".join(lines).strip()
            current, lines = line[3:].strip(), []
        elif current is not None:
            lines.append(line)
    if current is not None:
        sections[current] = "\n".join(lines).strip()
    return sections
