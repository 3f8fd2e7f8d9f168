"""bulletinx: Chinese local-government bulletins into typed, traceable fact records."""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("bulletinx")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0"

from .models import Fact  # noqa: E402
from .pipeline import extract  # noqa: E402

__all__ = ["Fact", "extract", "__version__"]
