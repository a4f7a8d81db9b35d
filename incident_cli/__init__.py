"""incident: summarise news reports of attacks, disasters and accidents.

    >>> from incident_cli import summarize
    >>> summarize(text, published="2023-02-17").casualties.killed.value
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["summarize", "Summary", "load_config", "__version__"]

if TYPE_CHECKING:
    from .config import load_config
    from .core import summarize
    from .models import Summary


def __getattr__(name: str) -> Any:
    # Lazy, so `incident --version` and `--help` start fast.
    if name == "summarize":
        from .core import summarize

        return summarize
    if name == "Summary":
        from .models import Summary

        return Summary
    if name == "load_config":
        from .config import load_config

        return load_config
    raise AttributeError(name)
