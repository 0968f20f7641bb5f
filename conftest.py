"""Session guard: the test command never reports green without the Odoo tests.

A skipped test (no Chromium, no websocket-client, no database) or a run where
no Odoo test case executed fails the session instead of passing quietly.
"""

import pytest

ADDONS = ("kefu_management/", "kefu_credit/", "kefu_contract/")
_stats = {"odoo": 0, "skipped": []}


def pytest_runtest_logreport(report):
    if report.skipped:
        _stats["skipped"].append(report.nodeid)
    elif report.when == "call" and report.nodeid.startswith(ADDONS):
        _stats["odoo"] += 1


def pytest_sessionfinish(session, exitstatus):
    if session.config.option.collectonly or exitstatus not in (0, pytest.ExitCode.OK):
        return
    problems = []
    if _stats["skipped"]:
        problems.append(f"{len(_stats['skipped'])} test(s) skipped: {_stats['skipped'][:5]}")
    if not _stats["odoo"]:
        problems.append("no Odoo test executed")
    if problems and session.config.getoption("--odoo-database", default=None):
        for problem in problems:
            print(f"\nkefu: {problem}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
