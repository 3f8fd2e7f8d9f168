from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).resolve().parent / "gold"
GOLDEN = Path(__file__).resolve().parent / "golden"

# A user's rule file with a metric of its own, for the rule and command tests.
TREES = '''\
# Trees planted: a metric of our own.
[pieces]
VERB_PLANT = '植树|栽种|种植|新植|补植'

[[rule]]
id = "greening.trees_planted"
name = "trees planted"
metric = "trees_planted"
units = ["count"]
measures = ["株", "棵"]
pattern = '(?:{VERB_PLANT}){GAP}(?:苗木|树木|树苗|乔木|树)?$'

[[rule.example]]
text = "植树节前后,全县干部群众义务植树12万株。"
value = 120000
unit = "count"
metric = "trees_planted"

[[rule.example]]
text = "今年在沿河两岸补植香樟树苗3600棵。"
value = 3600
unit = "count"
metric = "trees_planted"

[[rule.example]]
text = "全县共有古树名木1200株。"
negative = true
why = "trees that stand, not trees planted"
'''


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite tests/golden/*.jsonl from the current output")


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


def pytest_configure(config):
    """Refuse to test compiled modules older than their sources: in an editable
    install the C extensions shadow the .py files, so an edit would go untested."""
    import bulletinx

    package = Path(bulletinx.__file__).parent
    if not bulletinx.compiled or package != ROOT / "src" / "bulletinx":
        return  # plain Python, or an installed copy (whose files carry the wheel's times)
    stale = []
    for so in package.glob("*.so"):
        source = package / (so.name.split(".")[0] + ".py")
        if source.exists() and source.stat().st_mtime > so.stat().st_mtime:
            stale.append(source.stem)
    stale.sort()
    if stale:
        pytest.exit(f"compiled modules older than their sources: {', '.join(stale)}; rebuild with "
                    "`pip install -e .`, or install with BULLETINX_PURE_PYTHON=1 to work on the code", returncode=4)
