"""Charts to PNG, SVG and PDF on the server with kaleido, one warm renderer, always with a timeout."""

from __future__ import annotations

import concurrent.futures
import threading
import warnings

import plotly.graph_objects as go
import plotly.io as pio

from kidash.charts import canvas

__all__ = ["FORMATS", "SLIDE_SIZE", "ExportUnavailable", "browser_path", "figure_bytes", "warm_up"]

FORMATS: dict[str, str] = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}
SLIDE_SIZE = canvas.SLIDE.pixels  # 16:9 at presentation resolution: 1920×1080
TIMEOUT_S = 60
_lock = threading.Lock()
_state = {"warm": False}
_pool = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="kidash-kaleido")


class ExportUnavailable(RuntimeError):
    """No browser to render with, or rendering failed or took too long; the message says what to do."""


def _start() -> None:
    import kaleido

    with _lock:
        if not _state["warm"]:
            # One renderer kept alive: a cold export starts Chromium (about 3 s), a warm one takes 0.2-0.3 s.
            kaleido.start_sync_server(silence_warnings=True)
            _state["warm"] = True


def _render(figure: go.Figure, fmt: str, width: int, height: int, scale: float) -> bytes:
    _start()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # «kopts ignored when using a server»
        return pio.to_image(figure, format=fmt, width=width, height=height, scale=scale)


def browser_path() -> str | None:
    """The Chrome or Chromium kaleido would use (``$BROWSER_PATH`` first), or None. Never downloads one."""
    try:
        from choreographer.browsers.chromium import Chromium

        return Chromium.find_browser(skip_local=False)
    except Exception:  # an unusual system must not break the page; exports then say what to install
        return None


def warm_up() -> None:
    """Start the renderer in the background so the first click is fast too; failures wait for a real export."""
    _pool.submit(_start)


def figure_bytes(
    figure: go.Figure, fmt: str, width: int | None = None, height: int | None = None, scale: float = 1.0
) -> bytes:
    """The figure as ``png``, ``svg`` or ``pdf`` bytes, at the figure's own size (a figure fitted by
    :func:`kidash.charts.canvas.fit` has one), else 1920×1080.

    Raises
    ------
    ExportUnavailable
        When no Chrome/Chromium is found, rendering fails, or it takes longer
        than :data:`TIMEOUT_S` seconds (kaleido can hang, plotly/Kaleido#134).
    """
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    if figure.layout.width and figure.layout.height:  # drawn for a size (kidash.charts.canvas.fit)
        width, height = width or figure.layout.width, height or figure.layout.height
    width, height = width or SLIDE_SIZE[0], height or SLIDE_SIZE[1]
    future = _pool.submit(_render, figure, fmt, width, height, scale)
    try:
        return future.result(timeout=TIMEOUT_S)
    except concurrent.futures.TimeoutError as err:
        raise ExportUnavailable(f"timeout after {TIMEOUT_S} s") from err
    except Exception as err:  # kaleido/choreographer raise many kinds; all mean «no picture»
        raise ExportUnavailable(f"{type(err).__name__}: {err}") from err
