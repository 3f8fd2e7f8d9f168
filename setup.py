"""Build: the pipeline's hot modules are compiled to C extensions with mypyc.

Everything is declared in pyproject.toml; this file only adds the extension
modules. The compiled modules run the same code as the .py files beside them
(same output, byte for byte) about a fifth faster. When they cannot be built
(no C compiler, or BULLETINX_PURE_PYTHON=1 set), the package installs as
plain Python and works the same, only slower.
"""
from __future__ import annotations

import glob
import os
import sys

from setuptools import setup
from setuptools.command.build_ext import build_ext

# The modules every page passes through, most of its time: pure functions and
# small classes over strings, lists and dicts, fully annotated.
COMPILED = [
    f"src/bulletinx/{name}.py"
    for name in ("attribute", "construct", "locate", "metrics", "normalize", "numerals", "pipeline", "places",
                 "quantities", "segment")
]


class OptionalBuildExt(build_ext):
    """Build the extensions if possible; otherwise leave the pure-Python package."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # a missing or failing C compiler takes many forms
            self._drop_partial_outputs()
            _drop_earlier_builds()
            print(f"bulletinx: compiled modules not built ({_short(exc)}); installing pure Python",
                  file=sys.stderr)

    def _drop_partial_outputs(self) -> None:
        # A shim without its shared library would make the package unimportable.
        for path in self.get_outputs():
            if os.path.exists(path):
                os.remove(path)


def _short(exc: BaseException) -> str:
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {first[:120]}" if first else type(exc).__name__


def _drop_earlier_builds() -> None:
    """Extensions an earlier build left beside the sources (an editable install)
    would stand in front of the .py files that are now to be used."""
    for source in COMPILED:
        folder, name = os.path.split(source)
        for path in glob.glob(os.path.join(folder, name[:-3] + ".*.so")) + glob.glob(os.path.join(folder, name[:-3] + ".*.pyd")):
            os.remove(path)
    for path in glob.glob("src/bulletinx__mypyc.*"):
        os.remove(path)


# Commands that only describe the package: pip runs them before the build, and
# compiling for them would type-check and generate the C code twice more.
_METADATA_ONLY = {"egg_info", "dist_info", "sdist"}


def extensions() -> list:
    if sys.argv[1:2] and sys.argv[1] in _METADATA_ONLY:
        return []
    if os.environ.get("BULLETINX_PURE_PYTHON", "") not in ("", "0"):
        _drop_earlier_builds()
        return []
    try:
        from mypyc.build import mypycify

        return mypycify(COMPILED, opt_level="3", group_name="bulletinx")
    except (Exception, SystemExit) as exc:  # no mypyc; mypyc exits on a type error
        print(f"bulletinx: compiled modules not built ({_short(exc)}); installing pure Python", file=sys.stderr)
        _drop_earlier_builds()
        return []


setup(ext_modules=extensions(), cmdclass={"build_ext": OptionalBuildExt})
