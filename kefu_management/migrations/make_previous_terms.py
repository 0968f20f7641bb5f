"""Write the translations each kefu addon shipped before, for its next migration.

``-u`` keeps a translation a record already has, so a term corrected in a po file
never reaches an existing database by itself. The migration of a version calls
``kefu.upgrade._kefu_refresh_translations``, which overwrites a record translation
only where it still holds one of kefu's previous translations: this script lists
them from the git history of the po files (every committed version; a key whose
only value is the one of the working tree's po is left out), into
``<addon>/migrations/<version>/<lang>.previous.json``:

    {"src": {msgid: [translations]},
     "occurrence": {"model:model,field:xmlid": [translations]},
     "occurrence_src": {"model:model,field:xmlid": [msgids]}}

Run it (in the repository, after committing the po files) for the version the
manifests move to:

    .venv/bin/python kefu_management/migrations/make_previous_terms.py 18.0.1.3.0 \
        kefu_management kefu_contract
"""

import json
import os
import subprocess
import sys

import polib

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def collect(text, by_src, by_occurrence, src_by_occurrence):
    for entry in polib.pofile(text):
        if entry.obsolete or not entry.msgid:
            continue
        occurrences = [o for o, _line in entry.occurrences if o.startswith("model")]
        for occurrence in occurrences:
            src_by_occurrence.setdefault(occurrence, set()).add(entry.msgid)
        if not entry.msgstr or not occurrences:
            continue
        by_src.setdefault(entry.msgid, set()).add(entry.msgstr)
        for occurrence in occurrences:
            by_occurrence.setdefault(occurrence, set()).add(entry.msgstr)


def previous_terms(addon, lang):
    maps = ({}, {}, {})
    now = ({}, {}, {})
    for folder in ("i18n", "i18n_extra"):
        path = f"{addon}/{folder}/{lang}.po"
        if os.path.isfile(os.path.join(REPO, path)):
            with open(os.path.join(REPO, path), encoding="utf-8") as handle:
                collect(handle.read(), *now)
        commits = subprocess.run(
            ["git", "-C", REPO, "log", "--format=%H", "--", path],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        for commit in commits:
            shown = subprocess.run(
                ["git", "-C", REPO, "show", f"{commit}:{path}"],
                capture_output=True,
                text=True,
                check=False,
            )
            if not shown.returncode:
                collect(shown.stdout, *maps)
    by_src, by_occurrence, src_by_occurrence = maps

    def dump(mapping, current):
        # A key that only ever had today's value changes nothing: left out.
        return {
            key: sorted(values)
            for key, values in sorted(mapping.items())
            if values != current.get(key)
        }

    return {
        "src": dump(by_src, now[0]),
        "occurrence": dump(by_occurrence, now[1]),
        "occurrence_src": dump(src_by_occurrence, now[2]),
    }


def main(version, *addons, lang="zh_CN"):
    for addon in addons:
        folder = os.path.join(REPO, addon, "migrations", version)
        os.makedirs(folder, exist_ok=True)
        target = os.path.join(folder, f"{lang}.previous.json")
        with open(target, "w", encoding="utf-8") as handle:
            json.dump(previous_terms(addon, lang), handle, ensure_ascii=False, indent=0)
            handle.write("\n")
        print(target)


if __name__ == "__main__":
    main(*sys.argv[1:])
