"""bulletinx: Chinese local-government bulletins into typed, traceable fact records."""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("bulletinx")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0"

from . import pipeline as _pipeline  # noqa: E402
from .models import Fact  # noqa: E402
from .pipeline import extract  # noqa: E402

#: True when the pipeline's hot modules run as C extensions built at install
#: time (setup.py); False for the plain-Python package, which gives the same
#: output more slowly.
compiled: bool = not _pipeline.__file__.endswith(".py")

__all__ = ["Fact", "compiled", "extract", "__version__"]
