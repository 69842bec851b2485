"""Two kidash replicas behind HAProxy (deploy/haproxy.cfg) on loopback: stickiness, spread, failover.

Usage: python bench/bench_replicas.py [--sessions 100]   (needs Debian's haproxy)

Starts two replicas of ``serve.py`` and the proxy, all on 127.0.0.1. Each
session does what a browser tab does: fetches the page over HTTP (the proxy
sets its replica cookie), opens the websocket with that cookie, and runs the
profile page of its own actor. Then replica «a» is killed (SIGKILL) while every
session is asking for a run; sessions on «b» must go on untouched, and each
session of «a» reconnects through the proxy with its old cookie and runs its
page again from its URL. Prints: sessions per replica, how many stayed with
their replica, sessions lost, and the time from the kill to each reconnected
session's page shown again. The browser side of the same story (a tab's own
reconnection) is tests/browser/test_replicas.py.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import os
import secrets
import shutil
import statistics
import subprocess
import time
import urllib.request
from collections import Counter

from bench_sessions import ROOT, Session, free_port, start

HAPROXY = shutil.which("haproxy") or "/usr/sbin/haproxy"
CONFIG = ROOT / "deploy" / "haproxy.cfg"
COOKIE = "KIDASH_REPLICA"


class Cluster:
    """Replicas «a» and «b» and the proxy in front of them; everything stopped on exit."""

    def __init__(self, env: dict[str, str] | None = None) -> None:
        self.env = dict(env or {})  # for every replica: one store (KIDASH_DATABASE_URL), say
        self.replicas: dict[str, tuple[subprocess.Popen, int]] = {}
        self.proxy: subprocess.Popen | None = None
        self.port = 0

    def __enter__(self) -> Cluster:
        # One cookie secret for all replicas, as DEPLOY.md asks: a browser sent to another
        # replica keeps a valid XSRF token for its uploads.
        env = {"STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(32), **self.env}
        try:
            for name in ("a", "b"):
                self.replicas[name] = start(ROOT / "serve.py", env)
            self.port = free_port()
            proxy_env = {
                **os.environ,
                "KIDASH_BIND": f"127.0.0.1:{self.port}",
                "KIDASH_REPLICA_A": f"127.0.0.1:{self.replicas['a'][1]}",
                "KIDASH_REPLICA_B": f"127.0.0.1:{self.replicas['b'][1]}",
            }
            self.proxy = subprocess.Popen([HAPROXY, "-db", "-f", str(CONFIG)], env=proxy_env,
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
            deadline = time.monotonic() + 30
            while {replica_of(self.url("/_stcore/health"))[1] for _ in range(4)} != {"a", "b"}:
                if time.monotonic() > deadline or self.proxy.poll() is not None:
                    raise RuntimeError("the proxy did not reach both replicas")
                time.sleep(0.2)
        except BaseException:
            self.__exit__()
            raise
        return self

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def kill(self, name: str) -> None:
        """The replica dies at once, as a crashed machine would (no goodbye to its browsers)."""
        process, _ = self.replicas[name]
        process.kill()
        process.wait(timeout=10)

    def __exit__(self, *exc) -> None:
        for process in [self.proxy, *(p for p, _ in self.replicas.values())]:
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()


def replica_of(url: str, cookie: str | None = None) -> tuple[str | None, str | None]:
    """(the replica cookie the proxy set, or None; the replica that answered) for one GET."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            headers = response.headers
    except OSError:
        return None, None
    set_cookie = next((c.split(";")[0] for c in headers.get_all("Set-Cookie") or [] if c.startswith(COOKIE)), None)
    return set_cookie, headers.get("X-Kidash-Replica")


def actor_ids(count: int) -> list[str]:
    with (ROOT / "data" / "actors.csv").open(encoding="utf-8") as file:
        ids = [row["id"] for row in csv.DictReader(file)]
    return [ids[i % len(ids)] for i in range(count)]


async def failover(cluster: Cluster, sessions: int = 100, victim: str = "a") -> dict:
    """The whole story on ``cluster``; returns what was measured, session by session where it matters."""
    tabs: list[Session] = []
    for actor in actor_ids(sessions):  # each tab fetches the page first: the proxy picks its replica
        cookie, answered = await asyncio.to_thread(replica_of, cluster.url(f"/aktor?actor={actor}"))
        tab = Session(cluster.port, "aktor", query=f"actor={actor}", cookie=cookie)
        tab.first_replica = answered
        tabs.append(tab)
    await asyncio.gather(*(tab.open() for tab in tabs))
    await asyncio.gather(*(tab.run() for tab in tabs))
    views = {id(tab): list(tab.headings) for tab in tabs}
    stayed = sum(tab.replica == tab.first_replica for tab in tabs)
    # later requests of the same tab (here a health check with its cookie) reach the same replica
    later = await asyncio.gather(
        *(asyncio.to_thread(replica_of, cluster.url("/_stcore/health"), t.cookie) for t in tabs)
    )
    stayed_later = sum(answered == tab.replica for (_, answered), tab in zip(later, tabs, strict=True))
    spread = Counter(tab.replica for tab in tabs)

    # Every tab asks for a run; the victim dies while they are being served.
    survivors = [tab for tab in tabs if tab.replica != victim]
    orphans = [tab for tab in tabs if tab.replica == victim]
    killed_at = 0.0

    async def go_on(tab: Session, running: asyncio.Future) -> bool:
        """A tab on the living replica: its run, then another; True when both came through."""
        try:
            await running
            await tab.run()
        except Exception:
            return False
        return True

    async def reconnect(tab: Session, running: asyncio.Future) -> float:
        """As the browser does when its websocket closes: a new one with the same cookie and
        URL, the page run from it. Seconds from the kill to the page shown again."""
        await asyncio.gather(running, return_exceptions=True)
        async with asyncio.timeout(30):
            await tab.socket.wait_closed()
        fresh = Session(cluster.port, "aktor", query=tab.query, cookie=tab.cookie)
        await fresh.open()
        await fresh.run()
        tab.moved_to, tab.headings = fresh.replica, fresh.headings
        await fresh.close()
        return time.perf_counter() - killed_at

    runs = {id(tab): asyncio.ensure_future(tab.run()) for tab in tabs}
    await asyncio.sleep(0.05)
    killed_at = time.perf_counter()
    await asyncio.to_thread(cluster.kill, victim)
    outcomes = await asyncio.gather(
        asyncio.gather(*(go_on(tab, runs[id(tab)]) for tab in survivors)),
        asyncio.gather(*(reconnect(tab, runs[id(tab)]) for tab in orphans), return_exceptions=True),
    )
    again, back = outcomes
    lost = sum(not ok for ok in again)
    untouched = sum(views[id(tab)] == tab.headings for tab in survivors)
    times = sorted(t for t in back if isinstance(t, float))
    for tab in survivors:
        await tab.close()
    return {
        "sessions": sessions,
        "spread": dict(spread),
        "stayed": stayed,
        "stayed_later": stayed_later,
        "survivors": len(survivors),
        "survivors_lost": lost,
        "survivors_untouched": untouched,
        "orphans": len(orphans),
        "reconnected": len(times),
        "moved_to": Counter(getattr(tab, "moved_to", None) for tab in orphans),
        "same_view": sum(views[id(tab)] == tab.headings for tab in orphans),
        "reconnect_min_s": times[0] if times else float("nan"),
        "reconnect_median_s": statistics.median(times) if times else float("nan"),
        "reconnect_max_s": times[-1] if times else float("nan"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=100)
    args = parser.parse_args()
    with Cluster() as cluster:
        found = asyncio.run(failover(cluster, args.sessions))
    print(f"{found['sessions']} sessions through HAProxy to two replicas: {found['spread']}")
    print(f"stayed with their replica: websocket {found['stayed']}/{found['sessions']}, "
          f"later requests {found['stayed_later']}/{found['sessions']}")  # fmt: skip
    print(f"replica a killed mid-run: on b {found['survivors']} sessions, lost {found['survivors_lost']}, "
          f"showing the same page {found['survivors_untouched']}")  # fmt: skip
    print(f"on a {found['orphans']} sessions: reconnected {found['reconnected']} (to {dict(found['moved_to'])}), "
          f"same view from the URL {found['same_view']}; "
          f"time from kill to page shown again min {found['reconnect_min_s']:.2f} s, median {found['reconnect_median_s']:.2f} s, "
          f"max {found['reconnect_max_s']:.2f} s")  # fmt: skip


if __name__ == "__main__":
    main()
