#!/usr/bin/env python3
"""Fails when a module of src/parley includes a module above it (docs/ARCHITECTURE.md,
"Layering"): base < text < syntax < lexicon < coding < io, store < server, python; the CLI
(src/cli) may include everything, the library never includes the CLI.

Usage: scripts/check_layers.py [SRC_DIR]      (default: src next to this script)
       scripts/check_layers.py --self-test   (checks that an upward include is caught)
"""
import os
import re
import sys
import tempfile

# rank of each module; a file may include modules of lower or equal rank
RANKS = {"base": 0, "text": 1, "syntax": 2, "lexicon": 3, "coding": 4, "io": 5, "store": 5,
         "server": 6, "python": 6}
TOP_LEVEL = 0  # files directly in src/parley (error.h, paths.h, version.h): the bottom
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def module_of(path_in_parley):
    parts = path_in_parley.split("/")
    return parts[0] if len(parts) > 1 else None


def check(src):
    problems = []
    parley = os.path.join(src, "parley")
    for root, _, files in os.walk(parley):
        for name in files:
            if not name.endswith((".h", ".cc")):
                continue
            path = os.path.join(root, name)
            rel = os.path.relpath(path, parley).replace(os.sep, "/")
            module = module_of(rel)
            rank = RANKS.get(module, TOP_LEVEL) if module else TOP_LEVEL
            if module and module not in RANKS:
                problems.append(f"{path}: module '{module}' is not in the layer list")
                continue
            text = open(path, encoding="utf-8").read()
            for line_no, line in enumerate(text.splitlines(), 1):
                m = INCLUDE.match(line)
                if not m:
                    continue
                target = m.group(1)
                if target.startswith("cli/"):
                    problems.append(f"{path}:{line_no}: the library includes the CLI ({target})")
                    continue
                if not target.startswith("parley/"):
                    continue
                tmod = module_of(target[len("parley/"):])
                trank = RANKS.get(tmod, TOP_LEVEL) if tmod else TOP_LEVEL
                if trank > rank or (tmod != module and trank == rank and tmod and module):
                    problems.append(f"{path}:{line_no}: {module or 'parley'} includes {target}, "
                                    f"a module above it")
    return problems


def self_test():
    with tempfile.TemporaryDirectory() as d:
        for sub in ("parley/lexicon", "parley/coding"):
            os.makedirs(os.path.join(d, sub))
        open(os.path.join(d, "parley/coding/ok.h"), "w").write('#include "parley/lexicon/a.h"\n')
        open(os.path.join(d, "parley/lexicon/a.h"), "w").write("#pragma once\n")
        if check(d):
            print("self-test: a downward include was reported", file=sys.stderr)
            return 1
        open(os.path.join(d, "parley/lexicon/bad.h"), "w").write(
            '#include "parley/coding/ok.h"\n')
        if len(check(d)) != 1:
            print("self-test: an upward include was not reported", file=sys.stderr)
            return 1
    print("check_layers self-test: ok")
    return 0


def main():
    if sys.argv[1:] == ["--self-test"]:
        return self_test()
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "src")
    problems = check(src)
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        return 1
    print("layers: ok (no module includes one above it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
