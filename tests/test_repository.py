"""Repository checks: lint, pylint-odoo's mandatory checks, manifests, XML and CSV.

Plain pytest tests (no database); they run in the same pytest session as the
Odoo tests so that the README's test command reports one summary.
"""

import ast
import csv
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
ADDONS = ("kefu_management", "kefu_credit", "kefu_contract")
BIN = Path(sys.executable).parent


def _run(*cmd):
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_lint_is_clean():
    result = _run(str(BIN / "ruff"), "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean():
    result = _run(str(BIN / "ruff"), "format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_pylint_odoo_mandatory_checks():
    result = _run(str(BIN / "pylint"), "--rcfile=setup.cfg", *ADDONS)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("addon", ADDONS)
def test_manifest_is_sane(addon):
    manifest = ast.literal_eval((ROOT / addon / "__manifest__.py").read_text())
    assert manifest["version"].startswith("18.0."), manifest["version"]
    assert manifest["license"] == "LGPL-3"
    assert manifest["installable"] is True
    for path in manifest.get("data", []) + manifest.get("demo", []):
        assert (ROOT / addon / path).is_file(), f"{addon}: {path} listed but missing"
    listed = set(manifest.get("data", []) + manifest.get("demo", []))
    for xml in (ROOT / addon).glob("*/**/*.xml"):
        rel = str(xml.relative_to(ROOT / addon))
        if rel.startswith(("static/", "tests/")):
            continue
        assert rel in listed, f"{addon}: {rel} exists but is not in the manifest"
    assert (ROOT / addon / "i18n" / "zh_CN.po").is_file()
    assert (ROOT / addon / "i18n" / f"{addon}.pot").is_file()
    assert (ROOT / addon / "static" / "description" / "icon.png").is_file()


@pytest.mark.parametrize(
    "path",
    sorted(str(p.relative_to(ROOT)) for a in ADDONS for p in (ROOT / a).rglob("*.xml")),
)
def test_xml_is_well_formed_and_18_0(path):
    tree = etree.parse(str(ROOT / path))
    # 18.0 views: <list>, inline modifiers; never <tree>, attrs or states.
    assert not tree.xpath("//tree"), f"{path}: <tree> is gone in 18.0, use <list>"
    assert not tree.xpath("//*[@attrs]"), f"{path}: attrs is gone in 18.0"
    assert not tree.xpath("//field[@states]|//button[@states]"), f"{path}: states is gone"


@pytest.mark.parametrize(
    "path",
    sorted(
        str(p.relative_to(ROOT)) for a in ADDONS for p in (ROOT / a).rglob("ir.model.access.csv")
    ),
)
def test_access_csv_is_sane(path):
    with (ROOT / path).open(newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == [
        "id",
        "name",
        "model_id:id",
        "group_id:id",
        "perm_read",
        "perm_write",
        "perm_create",
        "perm_unlink",
    ]
    ids = [row[0] for row in rows[1:]]
    assert len(ids) == len(set(ids)), "duplicate access ids"
    for row in rows[1:]:
        assert len(row) == 8, row
        assert all(flag in ("0", "1") for flag in row[4:]), row


def test_addon_readmes_are_generated_from_their_fragments():
    # README.rst is built from the manifest and readme/*.md (scripts/gen_addon_readme.py):
    # a version bump or an edited fragment without the rebuild leaves it stale.
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_addon_readme.py"), "--check"],
        check=False,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
