"""The container image and proxy configuration keep the promises docs/DEPLOY.md makes.

(The proxy configuration itself is run by tests/browser/test_replicas.py; the image
cannot be built here, without access to a container registry, so its file is read.)
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")
HAPROXY = (ROOT / "deploy" / "haproxy.cfg").read_text(encoding="utf-8")


def instructions(name: str) -> list[str]:
    joined = DOCKERFILE.replace("\\\n", " ")
    return [line.split(None, 1)[1] for line in joined.splitlines() if line.startswith(name + " ")]


def test_the_image_is_slim_pinned_and_runs_as_someone_else_than_root():
    (base,) = instructions("FROM")
    assert re.fullmatch(r"python:3\.11(\.\d+)?-slim(-\w+)?", base)
    assert instructions("USER") == ["kidash"]
    assert any("pip install -r requirements.txt" in run for run in instructions("RUN"))
    assert all(
        "==" in line
        for line in (ROOT / "requirements.txt").read_text().splitlines()
        if line and not line.startswith("#")
    )


def test_the_image_holds_what_the_app_reads_and_checks_its_health():
    copied = " ".join(instructions("COPY"))
    for needed in ("requirements.txt", "src/", "data/", "app_pages/", "dashboard.py", "serve.py", ".streamlit/"):
        assert needed in copied, needed
    (health,) = instructions("HEALTHCHECK")
    assert "_stcore/health" in health and "STREAMLIT_SERVER_BASE_URL_PATH" in health
    env = " ".join(instructions("ENV"))
    for setting in (
        "KIDASH_HOME=/var/lib/kidash",
        "STREAMLIT_SERVER_PORT=",
        "STREAMLIT_BROWSER_GATHER_USAGE_STATS=false",
    ):
        assert setting in env, setting
    assert "KIDASH_DATA_DIR" not in env  # the image serves the store (files only would make the map read only)
    assert instructions("VOLUME") == ["/var/lib/kidash"]
    assert instructions("CMD") == ['["streamlit", "run", "serve.py"]']


def test_the_proxy_is_sticky_by_cookie_checks_health_and_fails_over():
    assert re.search(r"^\s*cookie KIDASH_REPLICA insert", HAPROXY, re.M)
    assert "option httpchk GET /_stcore/health" in HAPROXY
    assert re.search(r"^\s*option redispatch", HAPROXY, re.M)
    assert re.search(r"^\s*timeout tunnel", HAPROXY, re.M)  # websockets stay open
    servers = re.findall(r"^\s*server (\w+) \S+ cookie (\w+)", HAPROXY, re.M)
    assert len(servers) >= 2 and len({cookie for _, cookie in servers}) == len(servers)
