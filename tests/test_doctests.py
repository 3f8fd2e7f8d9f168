"""The examples in the package's docstrings, run against the package as
installed: the compiled modules when they were built, the sources otherwise.

(pytest's --doctest-modules would import each source file by path, which the
compiled modules shadow; reading the examples from the source and running
them in the imported module's namespace works for both.)
"""
import ast
import doctest
import importlib
from pathlib import Path

import pytest

import bulletinx

PACKAGE = Path(bulletinx.__file__).parent


def _docstrings(tree: ast.Module):
    """(qualified name, line, docstring) of the module and every function and class in it."""
    yield "", 1, ast.get_docstring(tree, clean=False)

    def walk(node, prefix):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                name = f"{prefix}{child.name}"
                yield name, child.lineno, ast.get_docstring(child, clean=False)
                yield from walk(child, f"{name}.")

    yield from walk(tree, "")


def _examples():
    parser = doctest.DocTestParser()
    for path in sorted(PACKAGE.glob("*.py")):
        module_name = f"bulletinx.{path.stem}" if path.stem != "__init__" else "bulletinx"
        for qualname, line, doc in _docstrings(ast.parse(path.read_text(encoding="utf-8"))):
            if doc and ">>>" in doc:
                name = f"{module_name}.{qualname}".rstrip(".")
                yield pytest.param(module_name, name, path, line, doc, id=name)


EXAMPLES = list(_examples())


def test_the_examples_are_found():
    assert len(EXAMPLES) >= 40


@pytest.mark.parametrize("module_name, name, path, line, doc", EXAMPLES)
def test_docstring_examples(module_name, name, path, line, doc):
    module = importlib.import_module(module_name)
    test = doctest.DocTestParser().get_doctest(doc, dict(vars(module)), name, str(path), line)
    runner = doctest.DocTestRunner(verbose=False)
    report: list[str] = []
    runner.run(test, out=report.append)
    assert runner.failures == 0, "".join(report)
