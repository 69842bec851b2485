"""The live network's files and the URL Streamlit serves them under.

A leaf (no kidash imports): the server's cache rules name these files without importing
the drawing stack.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["ASSET_DIR", "ASSET_URL", "COMPONENT_NAME", "VIS_SCRIPT", "COMPONENT_SCRIPT", "COMPONENT_STYLE"]


ASSET_DIR = Path(__file__).parent / "static"  # served by Streamlit as the component's asset_dir

COMPONENT_NAME = "kidash.network"  # the package's manifest (src/kidash/pyproject.toml) names it too

ASSET_URL = f"/_stcore/bidi-components/{COMPONENT_NAME}/"  # where Streamlit serves ASSET_DIR

VIS_SCRIPT = "vis-network-9.1.2.min.js"

COMPONENT_SCRIPT = "kidash-network.js"

COMPONENT_STYLE = "kidash-network.css"
