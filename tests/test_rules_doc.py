"""The rulebook in docs/rules.md and the rule ids cited in the repository agree.

Plain pytest tests (no Odoo, no database), in the same session as
tests/test_repository.py. A rule is *defined* by a heading or a table row of
docs/rules.md that starts with its id (``### ARC-12 ...``, ``| ARC-12 | ...``);
it is *cited* wherever its id appears in the addons' code, views, data, tours and
readme fragments, in bench/ or in tests/. Every citation must resolve in the
rulebook, and every rule of the rulebook must be cited somewhere.
"""

import re
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ADDONS = ("kefu_management", "kefu_credit", "kefu_contract")
DOC = ROOT / "docs" / "rules.md"
PREFIXES = ("ARC", "CRD", "CON", "CMP", "SVC", "CBK", "RPT")
_PREFIX = "|".join(PREFIXES)

# An id as the rulebook defines it: a known prefix, a dash, a number without a
# leading zero.
WELL_FORMED = re.compile(rf"(?:{_PREFIX})-[1-9][0-9]*")
# A citation, as `grep -P '\b(ARC|...)-[0-9]+\b'` finds it.
CITATION = re.compile(rf"\b(?:{_PREFIX})-[0-9]+\b")
# Anything that looks like a rule id, sub-ids included (ARC-2a, ARC-2.1, ARC-02),
# to catch citations CITATION would silently skip.
LOOSE = re.compile(rf"\b(?:{_PREFIX})-[0-9A-Za-z]+(?:\.[0-9]+)*")
# A definition: the id right at the start of a heading or of a table row.
DEFINITION = re.compile(r"^(?:#{1,6}[ \t]+|\|[ \t]*)\**([A-Z]+-[0-9A-Za-z]+(?:\.[0-9]+)*)", re.M)

SOURCE_SUFFIXES = (".py", ".xml", ".js", ".csv")
TEXT_SUFFIXES = (*SOURCE_SUFFIXES, ".md")


def _files():
    """Every file whose rule ids count as citations."""
    this = Path(__file__).resolve()
    for addon in ADDONS:
        for path in sorted((ROOT / addon).rglob("*")):
            rel = path.relative_to(ROOT / addon)
            if not path.is_file() or "__pycache__" in rel.parts or rel.parts[0] == "i18n":
                continue
            if path.suffix in SOURCE_SUFFIXES or (
                rel.parts[0] == "readme" and path.suffix == ".md"
            ):
                yield path
    for folder in ("bench", "tests"):
        for path in sorted((ROOT / folder).rglob("*")):
            if (
                path.is_file()
                and path.suffix in TEXT_SUFFIXES
                and "__pycache__" not in path.parts
                and path.resolve() != this
            ):
                yield path


def _matches(pattern):
    """{id: ["path:line", ...]} of every match of ``pattern`` in the cited files."""
    found = defaultdict(list)
    for path in _files():
        text = path.read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), start=1):
            for match in pattern.finditer(line):
                found[match.group(0)].append(f"{path.relative_to(ROOT)}:{number}")
    return found


def _defined():
    """{id: [line numbers]} of the rules docs/rules.md defines."""
    defined = defaultdict(list)
    for number, line in enumerate(DOC.read_text(encoding="utf-8").splitlines(), start=1):
        match = DEFINITION.match(line)
        if match:
            defined[match.group(1)].append(number)
    return defined


def _sort_key(rule_id):
    prefix, _dash, number = rule_id.partition("-")
    order = PREFIXES.index(prefix) if prefix in PREFIXES else len(PREFIXES)
    return order, prefix, int(number) if number.isdigit() else 0, number


def _report(ids, where):
    return "\n".join(f"  {rule_id}: {', '.join(where[rule_id][:5])}" for rule_id in ids)


def _doc_lines(defined):
    return {rule_id: [f"docs/rules.md:{n}" for n in lines] for rule_id, lines in defined.items()}


def test_rulebook_exists_and_defines_every_prefix():
    assert DOC.is_file(), "docs/rules.md is missing"
    prefixes = {rule_id.partition("-")[0] for rule_id in _defined()}
    assert prefixes == set(PREFIXES), f"prefixes defined: {sorted(prefixes)}"


def test_rule_ids_are_well_formed():
    defined = _defined()
    bad = sorted(rule_id for rule_id in defined if not WELL_FORMED.fullmatch(rule_id))
    assert not bad, f"docs/rules.md defines ids outside {PREFIXES} or malformed: {bad}"
    twice = sorted((rule_id for rule_id, lines in defined.items() if len(lines) > 1), key=_sort_key)
    assert not twice, "docs/rules.md defines ids more than once:\n" + _report(
        twice, _doc_lines(defined)
    )
    loose = _matches(LOOSE)
    malformed = sorted((c for c in loose if not WELL_FORMED.fullmatch(c)), key=_sort_key)
    assert not malformed, "malformed rule-id citations (sub-ids, leading zeros):\n" + _report(
        malformed, loose
    )


def test_every_cited_rule_is_in_the_rulebook():
    cited = _matches(CITATION)
    assert cited, "no rule id cited anywhere: the file selection is broken"
    missing = sorted(set(cited) - set(_defined()), key=_sort_key)
    assert not missing, "rule ids cited but missing from docs/rules.md:\n" + _report(missing, cited)


def test_every_rule_of_the_rulebook_is_cited():
    defined = _defined()
    uncited = sorted(set(defined) - set(_matches(CITATION)), key=_sort_key)
    assert not uncited, "rules of docs/rules.md cited nowhere in code or tests:\n" + _report(
        uncited, _doc_lines(defined)
    )


def test_cross_references_in_the_rulebook_resolve():
    defined = set(_defined())
    text = DOC.read_text(encoding="utf-8")
    dangling = sorted(set(CITATION.findall(text)) - defined, key=_sort_key)
    assert not dangling, f"docs/rules.md mentions undefined rules: {dangling}"
