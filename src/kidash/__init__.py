"""kidash: who leads, takes part and observes in Norwegian health-sector AI governance."""

__version__ = "0.1.0"
