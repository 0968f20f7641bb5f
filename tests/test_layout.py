"""Repository checks for kefu_management's layout by area (base, archive,
service_desk, callback, reporting): one set of area folders used everywhere, and
test tags that match the folder a test lives in."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ADDON = ROOT / "kefu_management"
AREAS = ("base", "archive", "service_desk", "callback", "reporting")
SPLIT = ("models", "views", "security", "data", "demo", "tests")


@pytest.mark.parametrize("folder", SPLIT)
def test_each_folder_is_split_by_area_only(folder):
    entries = {p.name for p in (ADDON / folder).iterdir() if p.name != "__pycache__"}
    subfolders = {p for p in entries if (ADDON / folder / p).is_dir()}
    assert subfolders <= set(AREAS), f"{folder}/ has folders outside the areas: {subfolders}"
    loose = {p for p in entries - subfolders if p.endswith((".py", ".xml", ".csv"))}
    allowed = {"__init__.py", "common.py"} if folder == "tests" else {"__init__.py"}
    assert loose <= allowed, f"{folder}/ holds files outside the area folders: {loose - allowed}"


def test_models_of_an_area_are_loaded_through_the_area_package():
    init = (ADDON / "models" / "__init__.py").read_text()
    for area in AREAS:
        if (ADDON / "models" / area).is_dir():
            assert f"from . import {area}" in init


def _class_tags(path):
    tree = ast.parse(path.read_text())
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        for deco in node.decorator_list:
            if isinstance(deco, ast.Call) and getattr(deco.func, "id", "") == "tagged":
                yield node.name, {a.value for a in deco.args if isinstance(a, ast.Constant)}


TEST_FILES = sorted(
    str(p.relative_to(ADDON)) for area in AREAS for p in (ADDON / "tests" / area).glob("test_*.py")
)


@pytest.mark.parametrize("path", TEST_FILES)
def test_test_classes_are_tagged_with_their_area(path):
    area = Path(path).parts[1]
    classes = list(_class_tags(ADDON / path))
    assert classes, f"{path}: no tagged test class"
    for name, tags in classes:
        assert f"kefu_{area}" in tags, f"{path}: {name} lacks the tag kefu_{area}: {tags}"
        assert {"post_install", "-at_install"} <= tags, f"{path}: {name} {tags}"


@pytest.mark.parametrize("path", TEST_FILES)
def test_every_test_module_is_loaded_by_odoo(path):
    # Odoo's loader only sees test_* modules imported into the tests package.
    init = (ADDON / "tests" / "__init__.py").read_text()
    area, name = Path(path).parts[1], Path(path).stem
    assert f"from .{area} import {name}" in init, f"{path} is not imported by tests/__init__.py"


def test_no_model_registered_only_for_demo_data():
    for addon in ("kefu_management", "kefu_credit", "kefu_contract"):
        for path in (ROOT / addon / "models").rglob("*.py"):
            assert "demo" not in path.name, f"{path}: demo flows belong in demo/"
