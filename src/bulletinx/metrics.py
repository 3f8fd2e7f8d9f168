"""Metric rules: which taxonomy metric a quantity measures, from the words around it.

The rules are data, in ``bulletinx/rules/*.toml``; users add their own files
with ``load_rules(extra_files=[...])``. TOML rather than JSON or YAML because
rule files are written and reviewed by people: comments are allowed, and
multi-line literal strings (``'''…'''``) keep a regex exactly as written, with
no backslash escaping. ``tomllib`` ships with Python 3.11; ``tomli`` is the
same parser for 3.10.

A rule file::

    [pieces]                       # named regex pieces, used as {NAME}
    VERB_SOLVE = '破获|侦破|告破'

    [[rule]]
    id = "policing.cases_solved"   # stable: it travels into every record
    name = "criminal cases solved"
    metric = "cases_solved"
    units = ["count"]
    measures = ["起", "件"]        # optional: measure words a count must have
    pattern = '{VERB_SOLVE}{GAP}案件?$'   # text before the quantity
    after = '...'                  # optional: text after it, matched at its start
    context = '...'                # optional: must occur in the sentence before it
    priority = 0                   # optional: breaks ties

    [[rule.example]]
    text = "全市共侦破盗窃案件36起。"
    value = 36
    unit = "count"
    metric = "cases_solved"

    [[rule.example]]
    text = "..."
    negative = true
    why = "..."

How a quantity is classified:

* ``pattern`` sees the *clause* before the quantity: the text since the last
  ``,`` ``;`` ``。`` ``!`` ``?``, so that a verb never reaches into another
  clause (``刑事拘留41人,移送起诉29人``). A clause that opens with ``其中``
  continues the one before it, joined by ``、``. Words that only lead up to a
  number (``共`` ``累计`` ``达`` ``约`` ``为`` ``的`` …) are dropped from the
  end first, so a pattern ends at the verb or noun it is about.
* ``after`` sees the rest of the clause after the quantity, for phrasings
  whose noun follows the number (``帮助30名劳动者``). A rule needs
  ``pattern``, ``after`` or both.
* ``context`` must be found in the sentence before the quantity (after its
  last semicolon, which parts the sentence into parallel groups), for words
  whose meaning depends on what the sentence is about (``涉及108户`` counts
  renovated households only in a sentence about renovation). It adds no
  specificity: it only keeps a rule out of sentences it does not fit.
* Pinyin glosses that some sites print after characters (``培训(xùn)``) are
  ignored.
* Of all rules for the quantity's unit (and measure word) that match, the one
  whose match starts nearest the quantity wins (a rule with only ``after``
  is nearest: its words are attached to the quantity); then the more specific one
  (more literal characters in its patterns); then the higher ``priority``;
  then user files before built-in ones, and file order.
"""
from __future__ import annotations

import functools
import importlib
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Optional, Sequence, Union

import ahocorasick_rs
import regex
from pydantic import ValidationError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

# The stdlib regex parser, used only to read literals out of patterns.
_sre_parse: Any = importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")

from .errors import BulletinxError
from .rulefile import Example, Rule, RuleFile
from .rx import plain

if TYPE_CHECKING:
    from .models import Fact

__all__ = [
    "Example", "Failure", "Rule", "RuleError", "RuleFile", "RuleSet", "CompiledRule",
    "builtin_rule_files", "check_example", "load_rules", "rules_in_file", "run_examples",
]

RULES_DIR = Path(__file__).with_name("rules")


class RuleError(BulletinxError):
    """An invalid rule file. The message is one line: file, rule id, field, problem."""

    def __init__(self, file: str, problem: str, rule: Optional[str] = None, field: Optional[str] = None):
        self.file, self.rule, self.field, self.problem = file, rule, field, problem
        where = [file]
        if rule:
            where.append(f"rule {rule}")
        if field:
            where.append(field)
        super().__init__(": ".join(where + [problem]))


# --------------------------------------------------------------------------
# Compiled rules and classification

_BREAKS = ",，;；。！？!?\n"
_LAST_BREAK = regex.compile(rf"(?r)[{_BREAKS}]")
_FIRST_BREAK = plain(rf"[{_BREAKS}]")
# Lead-in words between a clause's noun or verb and its number. The
# lookbehinds keep words that end in the same character: 行为, 下达, 存在.
_LEAD_IN = regex.compile(
    r"(?r)(?:共计|累计|合计|总计|总共|一共|共有|(?<!公)共|达到|突破|超出|(?<![下到表传送直抵])达|约为|(?<![签合预制公条节邀特履违解缔婚相践赴])约|"
    r"(?<![行作成认称因以较更])为|(?<![附最邻接将])近|超过|(?<!赶)超|逾|多达|高达|仅|已|"
    r"分别为|分别是|分别达|分别|(?<![为除])了|(?<![目])的|(?<![存现实所正])在)+$"
)
_CONTINUES = ("其中",)
# Pinyin glosses some sites print after characters: 培训(xùn). They would
# break every literal a pattern looks for.
_PINYIN = plain(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,6}\)")


@dataclass(frozen=True)
class CompiledRule:
    id: str
    name: str
    metric: str
    units: frozenset[str]
    measures: Optional[frozenset[str]]
    before: Optional[Any]  # compiled regex
    after: Optional[Any]
    context: Optional[Any]
    priority: int
    specificity: int
    order: int
    source: str
    user: bool
    examples: tuple[Example, ...]
    literals: Optional[frozenset[str]]  # one of these occurs in every clause the rule matches


class _UnitGroup:
    """The rules of one unit, with a keyword prefilter so that most rules are never tried."""

    __slots__ = ("rules", "always", "automaton", "by_literal")

    def __init__(self, rules: list[CompiledRule]):
        self.rules = rules
        self.always = tuple(i for i, r in enumerate(rules) if r.literals is None)
        by_literal: dict[str, list[int]] = {}
        for i, r in enumerate(rules):
            for lit in r.literals or ():
                by_literal.setdefault(lit, []).append(i)
        self.automaton = None
        self.by_literal = [tuple(idx) for idx in by_literal.values()]
        if by_literal:
            self.automaton = ahocorasick_rs.AhoCorasick(list(by_literal))

    def candidates(self, hay: str) -> set[int]:
        found = set(self.always)
        if self.automaton is not None:
            by_literal = self.by_literal
            for lit, _, _ in self.automaton.find_matches_as_indexes(hay, overlapping=True):
                found.update(by_literal[lit])
        return found


class RuleSet:
    """Compiled rules; ``classify`` is what the pipeline calls for every quantity."""

    def __init__(self, rules: Sequence[CompiledRule], files: Sequence[str]):
        self.rules: tuple[CompiledRule, ...] = tuple(rules)
        self.files: tuple[str, ...] = tuple(files)
        self._by_id = {r.id: r for r in self.rules}
        groups: dict[str, list[CompiledRule]] = {}
        for r in self.rules:
            for u in r.units:
                groups.setdefault(u, []).append(r)
        self._groups = {u: _UnitGroup(rs) for u, rs in groups.items()}

    def __len__(self) -> int:
        return len(self.rules)

    def __iter__(self) -> Iterator[CompiledRule]:
        return iter(self.rules)

    def __getitem__(self, rule_id: str) -> CompiledRule:
        return self._by_id[rule_id]

    @property
    def metrics(self) -> frozenset[str]:
        return frozenset(r.metric for r in self.rules)

    def from_file(self, source: str) -> list[CompiledRule]:
        return [r for r in self.rules if r.source == source]

    def classify(self, before: str, after: str, unit: str, measure: Optional[str]) -> Optional[tuple[str, str]]:
        """(metric, rule id) for a quantity, or None when no rule applies.

        >>> rs = load_rules()
        >>> rs.classify("今年以来,全市共破获毒品犯罪案件", "。", "count", "起")
        ('cases_solved', 'policing.cases_solved')
        >>> rs.classify("刑事拘留41人,移送起诉", "", "count", "人")[0]
        'prosecutions'
        >>> rs.classify("处", "", "CNY", None) is None
        True
        """
        group = self._groups.get(unit)
        if group is None:
            return None
        clause = _clause(before)
        cut = _FIRST_BREAK.search(after)
        if cut is not None:
            after = after[:cut.start()]
        if "(" in after:
            after = _PINYIN.sub("", after)
        best: Optional[CompiledRule] = None
        best_key: tuple = ()
        rules = group.rules
        for i in group.candidates(clause + "\x1f" + after):
            r = rules[i]
            if r.measures is not None and unit == "count" and measure not in r.measures:
                continue
            if r.after is not None:
                am = r.after.match(after)
                if am is None:
                    continue
            if r.context is not None and r.context.search(before, max(before.rfind(";"), before.rfind("；")) + 1) is None:
                continue  # the context counts within the figure's part of the sentence (after a semicolon)
            if r.before is not None:
                m = r.before.search(clause)
                if m is None:
                    continue
                start = m.start()
                while True:  # the nearest of several possible starts
                    m = r.before.search(clause, start + 1)
                    if m is None:
                        break
                    start = m.start()
                distance = len(clause) - start
            else:
                distance = 0  # its words are attached to the quantity
            key = (distance, -r.specificity, -r.priority, r.order)
            if best is None or key < best_key:
                best, best_key = r, key
        return None if best is None else (best.metric, best.id)


def _clause(before: str) -> str:
    """The part of ``before`` that patterns see.

    >>> _clause("今年刑事拘留41人,移送起诉")
    '移送起诉'
    >>> _clause("侦破案件36起,其中部督案件")
    '侦破案件36起、其中部督案件'
    >>> _clause("全年培训(xùn)共计")
    '全年培训'
    """
    if "(" in before:
        before = _PINYIN.sub("", before)
    m = _LAST_BREAK.search(before)
    clause = before[m.end():] if m else before
    if m is not None and clause.lstrip().startswith(_CONTINUES):
        prev = _LAST_BREAK.search(before, 0, m.start())
        clause = before[prev.end() if prev else 0:m.start()] + "、" + clause.lstrip()
    lead = _LEAD_IN.search(clause)
    if lead is not None:
        clause = clause[:lead.start()]
    return clause


# --------------------------------------------------------------------------
# Loading


@dataclass
class _Source:
    path: Path
    label: str  # how messages name the file
    user: bool
    model: RuleFile


def _label(path: Path) -> str:
    try:
        path.resolve().relative_to(RULES_DIR.resolve())
    except ValueError:
        return str(path)
    return f"bulletinx/rules/{path.name}"


def _read(path: Path, user: bool) -> _Source:
    label = _label(path)
    try:
        raw_text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RuleError(label, f"cannot read the rule file: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise RuleError(label, "not UTF-8 text") from None
    try:
        data = tomllib.loads(raw_text)
    except tomllib.TOMLDecodeError as exc:
        rule, field = _rule_near_error(raw_text, str(exc))
        raise RuleError(label, f"invalid TOML: {exc}", rule=rule, field=field) from None
    try:
        model = RuleFile.model_validate(data)
    except ValidationError as exc:
        raise _validation_error(label, data, exc) from None
    return _Source(path, label, user, model)


def _rule_near_error(text: str, message: str) -> tuple[Optional[str], Optional[str]]:
    """The id and key of the last rule started before a TOML syntax error."""
    m = regex.search(r"line (\d+)", message)
    if not m:
        return None, None
    lines = text.splitlines()[: int(m.group(1))]
    rule = key = None
    for line in lines:
        idm = regex.match(r'\s*id\s*=\s*["\']([^"\']+)', line)
        if idm:
            rule = idm.group(1)
        if regex.match(r"\s*\[\[rule\]\]", line):
            rule = None
    bad = lines[-1] if lines else ""
    km = regex.match(r"\s*([A-Za-z_][\w-]*)\s*=", bad)
    if km:
        key = km.group(1)
    return rule, key


def _validation_error(label: str, data: Any, exc: ValidationError) -> RuleError:
    err = exc.errors()[0]
    loc = list(err["loc"])
    rule = None
    if len(loc) >= 2 and loc[0] == "rule" and isinstance(loc[1], int):
        raw = data.get("rule") if isinstance(data, dict) else None
        entry = raw[loc[1]] if isinstance(raw, list) and loc[1] < len(raw) else None
        rule = entry.get("id") if isinstance(entry, dict) and isinstance(entry.get("id"), str) else f"#{loc[1] + 1}"
        loc = loc[2:]
    field = _field_name(loc) or "(file)"
    problem = err["msg"]
    if err["type"] == "extra_forbidden":
        problem = "unknown field"
    elif err["type"] == "missing":
        problem = "missing"
    more = len(exc.errors()) - 1
    if more:
        problem += f" (and {more} more problem{'s' if more > 1 else ''})"
    return RuleError(label, problem, rule=rule, field=field)


def _field_name(loc: Sequence[Any]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


_PIECE_NAME = regex.compile(r"^[A-Z][A-Z0-9_]*$")
# {NAME} is a piece; \p{…}, \N{…} and {m,n} are regex syntax.
_PIECE_REF = regex.compile(r"(?<!\\[pPNX])\{([A-Za-z_]\w*)\}")


class _PieceProblem(Exception):
    pass


class _Pieces:
    """Piece definitions visible from one file, expanded on demand."""

    def __init__(self, defs: dict[str, str]):
        self.defs = defs
        self._done: dict[str, str] = {}

    def expand(self, text: str, _stack: tuple[str, ...] = ()) -> str:
        def sub(m: Any) -> str:
            name = m.group(1)
            if name not in self.defs:
                raise _PieceProblem(f"unknown piece {{{name}}}")
            if name in _stack:
                raise _PieceProblem(f"piece {{{name}}} refers to itself ({' -> '.join(_stack + (name,))})")
            if name not in self._done:
                self._done[name] = "(?:" + self.expand(self.defs[name], _stack + (name,)) + ")"
            return self._done[name]

        return _PIECE_REF.sub(sub, text)


def _compile(source: str, text: str, rule: Optional[str], field: str) -> Any:
    try:
        return regex.compile(text)
    except regex.error as exc:
        raise RuleError(source, f"regex does not compile: {exc}", rule=rule, field=field) from None


@functools.lru_cache(maxsize=None)
def builtin_rule_files() -> tuple[Path, ...]:
    """The rule files shipped with the package; ``_*.toml`` (shared pieces) first."""
    files = sorted(RULES_DIR.glob("*.toml"), key=lambda p: (not p.name.startswith("_"), p.name))
    return tuple(files)


@functools.lru_cache(maxsize=None)
def _builtin_sources() -> tuple[_Source, ...]:
    return tuple(_read(p, user=False) for p in builtin_rule_files())


@functools.lru_cache(maxsize=None)
def _builtin_ruleset() -> RuleSet:
    return _build(list(_builtin_sources()))


def load_rules(extra_files: Sequence[Union[str, Path]] = ()) -> RuleSet:
    """The built-in rules plus ``extra_files``, validated and compiled.

    Raises :class:`RuleError` (a ``BulletinxError``) with a one-line message
    naming the file, the rule id and the field of the first problem found.
    The built-in set is compiled once per process.
    """
    if not extra_files:
        return _builtin_ruleset()
    builtin = {p.resolve() for p in builtin_rule_files()}
    # A built-in file named again (`rules test` on one of them) is already loaded.
    extra = [Path(p) for p in extra_files if Path(p).resolve() not in builtin]
    if not extra:
        return _builtin_ruleset()
    sources = list(_builtin_sources()) + [_read(p, user=True) for p in extra]
    return _build(sources)


def _build(sources: list[_Source]) -> RuleSet:
    shared: dict[str, str] = {}
    for src in sources:
        if not src.user and src.path.name.startswith("_"):
            shared.update(src.model.pieces)
    compiled: list[CompiledRule] = []
    seen: dict[str, str] = {}
    order = 0
    # User rules win ties, so they come first in the tie-breaking order.
    ranked = sorted(range(len(sources)), key=lambda i: (not sources[i].user, i))
    rank = {i: n for n, i in enumerate(ranked)}
    for si, src in enumerate(sources):
        for name in src.model.pieces:
            if not _PIECE_NAME.match(name):
                raise RuleError(src.label, "a piece name is upper case: letters, digits and _", field=f"pieces.{name}")
        pieces = _Pieces({**shared, **src.model.pieces})
        for name, body in src.model.pieces.items():
            try:
                expanded = pieces.expand(body)
            except _PieceProblem as exc:
                raise RuleError(src.label, str(exc), field=f"pieces.{name}") from None
            _compile(src.label, expanded, None, f"pieces.{name}")
        for rule in src.model.rule:
            if rule.id in seen:
                raise RuleError(src.label, f"duplicate id, already defined in {seen[rule.id]}", rule=rule.id, field="id")
            seen[rule.id] = src.label
            compiled.append(_compile_rule(src, rule, pieces, rank[si] * 100_000 + order))
            order += 1
    return RuleSet(compiled, [s.label for s in sources])


def _compile_rule(src: _Source, rule: Rule, pieces: _Pieces, order: int) -> CompiledRule:
    label, rid = src.label, rule.id
    if rule.pattern is None and rule.after is None:
        raise RuleError(label, "a rule needs `pattern`, `after` or both", rule=rid, field="pattern")
    regexes: dict[str, Any] = {}
    expanded: dict[str, str] = {}
    for field in ("pattern", "after", "context"):
        text = getattr(rule, field)
        if text is None:
            continue
        try:
            expanded[field] = pieces.expand(text)
        except _PieceProblem as exc:
            raise RuleError(label, str(exc), rule=rid, field=field) from None
        regexes[field] = _compile(label, expanded[field], rid, field)
    before, after, context = regexes.get("pattern"), regexes.get("after"), regexes.get("context")
    if context is not None and context.search("") is not None:
        raise RuleError(label, "matches empty text, so it would hold in every sentence", rule=rid, field="context")
    if before is not None:
        pattern = (rule.pattern or "").rstrip()
        if not pattern.endswith("$") or pattern.endswith("\\$"):
            raise RuleError(label, "must end with $ (the place of the quantity)", rule=rid, field="pattern")
        if before.search("") is not None:
            raise RuleError(label, "matches an empty clause, so it would claim every quantity", rule=rid, field="pattern")
    elif after is not None and after.match("") is not None:
        raise RuleError(label, "matches empty text, so it would claim every quantity", rule=rid, field="after")
    if rule.measures is not None and "count" not in rule.units:
        raise RuleError(label, "measure words only apply to the unit count", rule=rid, field="measures")
    _check_examples(label, rule)
    literals = None
    if before is not None:
        literals = _needed_literals(expanded["pattern"])
    if literals is None and after is not None:
        literals = _needed_literals(expanded["after"])
    specificity = sum(_literal_weight(expanded[f]) for f in ("pattern", "after") if f in expanded)
    return CompiledRule(
        id=rid, name=rule.name, metric=rule.metric, units=frozenset(rule.units),
        measures=frozenset(rule.measures) if rule.measures is not None else None,
        before=before, after=after, context=context, priority=rule.priority, specificity=specificity, order=order,
        source=label, user=src.user, examples=tuple(rule.example),
        literals=frozenset(literals) if literals else None,
    )


def _check_examples(label: str, rule: Rule) -> None:
    positives = negatives = 0
    for i, ex in enumerate(rule.example):
        where = f"example[{i}]"
        if ex.negative:
            negatives += 1
            if not ex.why:
                raise RuleError(label, "a negative example says why", rule=rule.id, field=f"{where}.why")
            for key in ("value", "unit", "metric"):
                if getattr(ex, key) is not None:
                    raise RuleError(label, "a negative example has no expected value, unit or metric",
                                    rule=rule.id, field=f"{where}.{key}")
        else:
            positives += 1
            for key in ("value", "unit"):
                if getattr(ex, key) is None:
                    raise RuleError(label, "missing in a positive example", rule=rule.id, field=f"{where}.{key}")
            if ex.unit not in rule.units:
                raise RuleError(label, f"unit {ex.unit} is not among the rule's units", rule=rule.id, field=f"{where}.unit")
            if ex.metric is not None and ex.metric != rule.metric:
                raise RuleError(label, f"metric {ex.metric} is not the rule's metric {rule.metric}",
                                rule=rule.id, field=f"{where}.metric")
    if positives < 2 or negatives < 1:
        raise RuleError(label, f"needs at least two positive examples and one negative (has {positives} and {negatives})",
                        rule=rule.id, field="example")


# --------------------------------------------------------------------------
# Literals out of patterns: the prefilter and the specificity of a rule.
# Read with the stdlib parser; a pattern it cannot read (syntax only the
# `regex` module knows) simply gets no prefilter and specificity 0.


def _parsed(pattern: str) -> Optional[list]:
    try:
        return list(_sre_parse.parse(pattern).data)
    except Exception:  # noqa: BLE001 - any failure just disables the optimisation
        return None


def _op(op: Any) -> str:
    return getattr(op, "name", str(op))


def _needed_literals(pattern: str) -> Optional[set[str]]:
    """Strings of which every match of ``pattern`` contains at least one; None when unknown."""
    items = _parsed(pattern)
    return None if items is None else _needs(items)


def _needs(items: Iterable) -> Optional[set[str]]:
    options: list[set[str]] = []
    run: list[str] = []
    for op, av in items:
        name = _op(op)
        if name == "LITERAL":
            run.append(chr(av))
            continue
        if run:
            options.append({"".join(run)})
            run = []
        found: Optional[set[str]] = None
        if name == "SUBPATTERN":
            found = _needs(av[-1].data)
        elif name == "ATOMIC_GROUP":
            found = _needs(av.data)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] >= 1:
            found = _needs(av[2].data)
        elif name == "BRANCH":
            found = set()
            for branch in av[1]:
                sub = _needs(branch.data)
                if not sub:
                    found = None
                    break
                found |= sub
        elif name == "IN" and av and all(_op(o) == "LITERAL" for o, _ in av):
            found = {chr(a) for _, a in av}
        if found:
            options.append(found)
    if run:
        options.append({"".join(run)})
    if not options:
        return None
    return max(options, key=lambda s: (min(map(len, s)), -len(s)))


def _literal_weight(pattern: str) -> int:
    items = _parsed(pattern)
    return 0 if items is None else _weight(items)


def _weight(items: Iterable) -> int:
    total = 0
    for op, av in items:
        name = _op(op)
        if name == "LITERAL" or (name == "IN" and av and all(_op(o) == "LITERAL" for o, _ in av)):
            total += 1
        elif name == "SUBPATTERN":
            total += _weight(av[-1].data)
        elif name == "ATOMIC_GROUP":
            total += _weight(av.data)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] >= 1:
            total += av[0] * _weight(av[2].data)
        elif name == "BRANCH":
            total += min(_weight(b.data) for b in av[1])
    return total


# --------------------------------------------------------------------------
# Running the examples


@dataclass(frozen=True)
class Failure:
    """An example that does not hold."""

    rule: str
    index: int
    source: str
    text: str
    negative: bool
    expected: str
    found: tuple[str, ...]

    def __str__(self) -> str:
        got = "; ".join(self.found) if self.found else "no quantity"
        kind = "negative" if self.negative else "positive"
        return f"{self.rule} example[{self.index}] ({kind}) {self.text!r}: expected {self.expected}, got {got}"


def _describe(fact: "Fact") -> str:
    return f"{fact.quantity.text} = {fact.value:g} {fact.unit} -> {fact.metric} ({fact.rule})"


def check_example(ruleset: RuleSet, rule: CompiledRule, index: int) -> Optional[Failure]:
    """Run one example of ``rule`` through the whole extractor; a Failure when it does not hold."""
    from .pipeline import extract  # the pipeline imports this module: import it only when examples run

    ex = rule.examples[index]
    facts = extract(ex.text, doc="example", rules=ruleset)
    if ex.negative:
        bad = [f for f in facts if f.metric == rule.metric]
        if not bad:
            return None
        return Failure(rule.id, index, rule.source, ex.text, True, f"no {rule.metric} ({ex.why})",
                       tuple(_describe(f) for f in bad))
    metric = ex.metric or rule.metric
    for f in facts:
        if ex.value is not None and f.unit == ex.unit and f.metric == metric \
                and abs(f.value - ex.value) <= 1e-6 * max(1.0, abs(ex.value)):
            return None
    return Failure(rule.id, index, rule.source, ex.text, False, f"{ex.value:g} {ex.unit} -> {metric}",
                   tuple(_describe(f) for f in facts))


def rules_in_file(path: Union[str, Path]) -> tuple[RuleSet, list[CompiledRule]]:
    """The rule set a file's examples run against (built-in rules plus the file), and the file's rules."""
    path = Path(path)
    ruleset = load_rules(extra_files=[path])
    return ruleset, ruleset.from_file(_label(path))


def run_examples(target: Union[RuleSet, str, Path]) -> list[Failure]:
    """Run examples: every rule's of a RuleSet, or those of one rule file.

    A file is loaded together with the built-in rules (its pieces and its
    rules must work beside them), and only its own examples are run.
    """
    if isinstance(target, RuleSet):
        ruleset, rules = target, list(target.rules)
    else:
        ruleset, rules = rules_in_file(target)
    failures = []
    for rule in rules:
        for i in range(len(rule.examples)):
            failure = check_example(ruleset, rule, i)
            if failure is not None:
                failures.append(failure)
    return failures
