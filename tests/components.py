"""Real components some tests need (Chromium, LibreOffice, PostgreSQL, an OpenID provider): where
one is missing a test is skipped with what to install, except under CI=true, where it fails, since
`.ci/run` installs every one of them and a skip there would hide that a test never ran."""

from __future__ import annotations

import functools
import os

import pytest

__all__ = ["in_ci", "need", "requires"]


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def need(available: bool, what: str) -> None:
    """Go on when ``available``; else skip saying ``what`` is missing (fail under CI=true)."""
    if available:
        return
    if in_ci():
        pytest.fail(f"CI=true but {what} (.ci/run installs it)")
    pytest.skip(what)


def requires(available: bool, what: str):
    """A decorator: the test runs when ``available``, else it does :func:`need`'s skip or failure."""

    def mark(test):
        if available:
            return test

        @functools.wraps(test)
        def missing(*args, **kwargs):
            need(False, what)

        return missing

    return mark


# --- PostgreSQL: a throw-away server from Debian's binaries ---------------------------------------

import contextlib  # noqa: E402
import glob  # noqa: E402
import shutil  # noqa: E402
import signal  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402


def postgres_bin() -> Path | None:
    """Debian's PostgreSQL binaries (the newest installed), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(p.split("/")[4]))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PostgresServer:
    """A PostgreSQL cluster in a temporary folder on a free port, trusting local connections; as the
    ``postgres`` user when the tests run as root (initdb refuses root)."""

    def __init__(self):
        bin_dir = postgres_bin()
        need(bin_dir is not None, "no PostgreSQL server binaries (apt-get install postgresql)")
        self.bin = bin_dir
        self.folder = Path(tempfile.mkdtemp(prefix="kidash-pg-"))
        self.port = _free_port()
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:
            shutil.chown(self.folder, "postgres", "postgres")
        data = self.folder / "data"
        self._run([self.bin / "initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8",
                   "--no-locale", "-N"])  # fmt: skip
        self.databases = 0
        self.start()

    def start(self) -> None:
        """Start the server (again, after :meth:`kill`: it recovers from its write-ahead log)."""
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        data = self.folder / "data"
        self._run([self.bin / "pg_ctl", "-D", data, "-o", options, "-l", self.folder / "log", "-w", "start"])

    def kill(self) -> None:
        """Kill the server as a crash would (SIGKILL to every PostgreSQL process, nothing flushed)."""
        pid = int((self.folder / "data" / "postmaster.pid").read_text().split()[0])
        children = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
        for each in [pid, *map(int, children)]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(each, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.05)

    def _run(self, command) -> None:
        command = [str(part) for part in command]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True)

    def database(self) -> str:
        """A new, empty database's URL (one per test keeps tests apart)."""
        self.databases += 1
        name = f"kidash_{self.databases}"
        self._run([self.bin / "createdb", "-h", "127.0.0.1", "-p", self.port, "-U", "postgres", name])
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        try:
            self._run([self.bin / "pg_ctl", "-D", self.folder / "data", "-m", "immediate", "stop"])
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


# --- An OpenID Connect provider: panva's oidc-provider on Node (tests/oidc, installed by npm ci) ---

OIDC_DIR = Path(__file__).resolve().parent / "oidc"


def oidc_available() -> bool:
    """Node and the provider's packages (``cd tests/oidc && npm ci``)."""
    return bool(shutil.which("node")) and (OIDC_DIR / "node_modules" / "oidc-provider").is_dir()


class OidcProvider:
    """A real OpenID Connect provider on a free local port, with the test users of
    tests/oidc/provider.mjs (sign in by typing the user's login on its page; any password)."""

    CLIENT_ID = "kidash"

    def __init__(self, redirect_uris: list[str]):
        self.port = _free_port()
        self.secret = "kidash-test-" + os.urandom(8).hex()
        # Streamlit's sign-out goes on to the provider's end_session, which sends the browser back
        # to the same callback address.
        env = {**os.environ, "PORT": str(self.port), "REDIRECT_URIS": " ".join(redirect_uris),
               "LOGOUT_URIS": " ".join(redirect_uris), "CLIENT_SECRET": self.secret}  # fmt: skip
        self.process = subprocess.Popen(["node", str(OIDC_DIR / "provider.mjs")], cwd=OIDC_DIR, env=env,
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.1)
        self.stop()
        output = self.process.stdout.read().decode(errors="replace") if self.process.stdout else ""
        raise RuntimeError(f"the OpenID provider did not start:\n{output}")

    @property
    def metadata_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/.well-known/openid-configuration"

    def secrets_toml(self, redirect_uri: str, cookie_secret: str) -> str:
        """The ``[auth]`` section of a kidash server's secrets for this provider."""
        return (
            "[auth]\n"
            f'redirect_uri = "{redirect_uri}"\n'
            f'cookie_secret = "{cookie_secret}"\n'
            f'client_id = "{self.CLIENT_ID}"\n'
            f'client_secret = "{self.secret}"\n'
            f'server_metadata_url = "{self.metadata_url}"\n'
            # Streamlit asks for prompt=select_account unless told otherwise; this provider knows
            # login and consent (Entra ID and Keycloak take select_account).
            'client_kwargs = { prompt = "login" }\n'
        )

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
