"""claimwatch: quantitative claims of AI startups in tech news, and where they stop adding up."""

__version__ = "0.1.0"
