# This file is part of indico-plugin-oewg.
# Copyright (C) 2026 The indico-plugin-oewg authors
# Licensed under the MIT License; see the LICENSE file.

"""The registration capability imports its modules at the top, where the plugin loads them.

Not only tidiness: a module imported for the first time inside a request (by an import written inside a function)
translates its module-level strings there and then (Indico's ``_`` gives a plain string while there is a request),
so the group headings of the list of participants stayed in the language of whoever opened it first.
"""

import ast
from pathlib import Path

import indico_oewg


PACKAGE = Path(indico_oewg.__file__).parent


def _imports_in_functions(path):
    tree = ast.parse(path.read_text(), str(path))
    return [(path.relative_to(PACKAGE.parent).as_posix(), node.lineno)
            for function in ast.walk(tree) if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef))
            for node in ast.walk(function) if isinstance(node, (ast.Import, ast.ImportFrom))]


def test_no_imports_inside_functions():
    modules = sorted((PACKAGE / 'registration').rglob('*.py'))
    assert modules
    assert [found for path in modules for found in _imports_in_functions(path)] == []
