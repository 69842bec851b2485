"""kidash: who leads, takes part and observes in Norwegian health-sector AI governance."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kidash")  # one version, in pyproject.toml
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
