"""The web service under load: wrk on loopback against `yorum serve`, SQLite and PostgreSQL.

For each database the section starts ``.venv/bin/yorum serve --port P`` in a fresh temporary
data folder (PostgreSQL: a fresh schema in ``YORUM_BENCH_PG``, default
``postgresql+psycopg://postgres@127.0.0.1:5432/test``, dropped afterwards), puts 40 clean
comments under the demo story, warms it up, and runs wrk (2 threads, 16 connections, 10 s each;
3 s with --quick) against:

- ``POST /api/v1/moderate``: the comment mix of benchmarks/engine_speed.py, rotating; again
  with 2 connections, for the latency of a server that is not saturated (no queueing);
- ``GET /stories/{id}``: the story page with its comments;
- ``POST /api/v1/stories/{id}/comments``: the same mix posted as comments to a second story.

The server is the product as shipped: one uvicorn process, access log on (to a file), rate
limits as configured. The limits are per client address, and uvicorn takes the address from
``X-Forwarded-For`` on loopback, so wrk spreads its requests over 16,000 addresses (a crowd of
readers) instead of raising the limits; any 429 still shows up as an error.

    .venv/bin/python -m benchmarks.service [--quick]
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from benchmarks import common

PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
API_KEY = "bench-api-key"
THREADS = 2
CONNECTIONS = 16
PAGE_COMMENTS = 40
TARGET_RPS = 500.0
TARGET_P99_MS = 50.0
LIGHT = "POST /api/v1/moderate (2 connections)"

LUA = r"""
local bodies = { %(bodies)s }
local method, path = "%(method)s", "%(path)s"
local n = 0
tid = 0
s2xx, s429, s4xx, s5xx = 0, 0, 0, 0
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
  table.insert(threads, thread)
end

function request()
  n = n + 1
  local k = n %% 8000
  local headers = {}
  headers["X-Forwarded-For"] = "10." .. tid .. "." .. math.floor(k / 250) .. "." .. (k %% 250)
  if #bodies == 0 then
    return wrk.format(method, path, headers)
  end
  headers["Content-Type"] = "application/json"
  return wrk.format(method, path, headers, bodies[(n %% #bodies) + 1])
end

function response(status, headers, body)
  if status == 429 then s429 = s429 + 1
  elseif status >= 500 then s5xx = s5xx + 1
  elseif status >= 400 then s4xx = s4xx + 1
  else s2xx = s2xx + 1 end
end

function done(summary, latency, requests)
  local c = {s2xx = 0, s429 = 0, s4xx = 0, s5xx = 0}
  for _, t in ipairs(threads) do
    for key, _ in pairs(c) do c[key] = c[key] + (t:get(key) or 0) end
  end
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests": %%d, "duration_us": %%d, "p50_us": %%d, "p90_us": %%d, ' ..
    '"p99_us": %%d, "max_us": %%d, "connect_errors": %%d, "read_errors": %%d, ' ..
    '"write_errors": %%d, "timeouts": %%d, "non_2xx": %%d, "s2xx": %%d, "s429": %%d, ' ..
    '"s4xx": %%d, "s5xx": %%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, e.connect, e.read, e.write, e.timeout, e.status,
    c.s2xx, c.s429, c.s4xx, c.s5xx))
end
"""


def _lua_string(text: str) -> str:
    level = "=" * 3
    while f"]{level}]" in text:
        level += "="
    return f"[{level}[{text}]{level}]"


def wrk_script(method: str, path: str, bodies: list[str]) -> str:
    return LUA % {
        "bodies": ", ".join(_lua_string(b) for b in bodies),
        "method": method,
        "path": path,
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _http(
    base: str, method: str, path: str, body: dict[str, Any] | None = None, reader: int = 1
) -> tuple[int, Any]:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header("X-API-Key", API_KEY)
    req.add_header("X-Forwarded-For", f"10.250.{reader // 250}.{reader % 250}")
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            raw = resp.read()
            kind = resp.headers.get("content-type", "")
            return resp.status, json.loads(raw) if "json" in kind else raw
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


class Server:
    """``yorum serve`` in a temporary data folder; stopped (only this process) on exit."""

    def __init__(self, env_extra: dict[str, str], log: Path) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = log
        self.env = {**os.environ, "YORUM_API_KEY": API_KEY, **env_extra}
        self.proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Server:
        exe = common.VENV_BIN / "yorum"
        with self.log.open("wb") as out:
            self.proc = subprocess.Popen(
                [str(exe), "serve", "--port", str(self.port)],
                stdout=out,
                stderr=subprocess.STDOUT,
                env=self.env,
                cwd=self.env["YORUM_DATA_DIR"],
            )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"yorum serve exited: {self.log.read_text()[-500:]}")
            try:
                if _http(self.base, "GET", "/api/v1/stories")[0] == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError("yorum serve did not answer within 90 s")

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)


def run_wrk(
    base: str, script: Path, seconds: int, connections: int = CONNECTIONS
) -> dict[str, Any]:
    threads = min(THREADS, connections)
    argv = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s"]
    proc = subprocess.run(
        [*argv, "-s", str(script), base], capture_output=True, text=True, timeout=seconds + 60
    )
    line = next((x for x in proc.stdout.splitlines() if x.startswith("WRKJSON ")), None)
    if line is None:
        return {"error": (proc.stderr or proc.stdout).strip()[-300:]}
    raw = json.loads(line[len("WRKJSON ") :])
    errors = raw["connect_errors"] + raw["read_errors"] + raw["write_errors"] + raw["timeouts"]
    return {
        "requests": raw["requests"],
        "requests_per_s": raw["requests"] / (raw["duration_us"] / 1e6),
        "latency_p50_ms": raw["p50_us"] / 1000,
        "latency_p90_ms": raw["p90_us"] / 1000,
        "latency_p99_ms": raw["p99_us"] / 1000,
        "latency_max_ms": raw["max_us"] / 1000,
        "errors": errors + raw["non_2xx"],
        "socket_errors": errors,
        "status": {k: raw[k] for k in ("s2xx", "s429", "s4xx", "s5xx")},
    }


def _prepare(base: str, clean: list[str]) -> tuple[int, int, int]:
    """The demo story's id (40 clean comments under it), a story for posts, approved count."""
    status, body = _http(base, "GET", "/api/v1/stories")
    page_story = int(body["stories"][0]["id"])
    status, body = _http(
        base, "POST", "/api/v1/stories", {"external_id": "bench", "title": "Yük testi"}
    )
    if status not in (201, 409):
        raise RuntimeError(f"cannot create the bench story: {status} {body!r}")
    post_story = int(body["id"])
    approved = 0
    for i, text in enumerate(clean[:PAGE_COMMENTS]):
        path = f"/api/v1/stories/{page_story}/comments"
        status, body = _http(base, "POST", path, {"author": f"Okur {i}", "text": text}, reader=i)
        approved += status == 201 and body.get("status") == "approved"
    return page_story, post_story, approved


def bench_database(
    name: str, env_extra: dict[str, str], mix: list[str], clean: list[str], seconds: int, tmp: Path
) -> dict[str, Any]:
    data_dir = tmp / name
    data_dir.mkdir()
    out: dict[str, Any] = {}
    with Server({"YORUM_DATA_DIR": str(data_dir), **env_extra}, tmp / f"{name}.log") as server:
        page_story, post_story, approved = _prepare(server.base, clean)
        out["story_page_comments"] = approved
        moderate = [json.dumps({"text": t}, ensure_ascii=False) for t in mix]
        comments = [json.dumps({"author": "Okur", "text": t}, ensure_ascii=False) for t in mix]
        plans = {
            "POST /api/v1/moderate": ("POST", "/api/v1/moderate", moderate, CONNECTIONS),
            LIGHT: ("POST", "/api/v1/moderate", moderate, 2),
            "GET /stories/{id}": ("GET", f"/stories/{page_story}", [], CONNECTIONS),
            "POST /api/v1/stories/{id}/comments": (
                "POST",
                f"/api/v1/stories/{post_story}/comments",
                comments,
                CONNECTIONS,
            ),
        }
        warm = tmp / "warm.lua"
        warm.write_text(wrk_script("POST", "/api/v1/moderate", moderate), "utf-8")
        run_wrk(server.base, warm, 2)
        for label, (method, path, bodies, connections) in plans.items():
            script = tmp / f"{name}-{len(out)}.lua"
            script.write_text(wrk_script(method, path, bodies), "utf-8")
            out[label] = run_wrk(server.base, script, seconds, connections)
    return out


def _pg_schema(url: str, schema: str, create: bool) -> str | None:
    try:
        import psycopg
    except ImportError:
        return "psycopg not installed"
    dsn = url.replace("postgresql+psycopg://", "postgresql://", 1)
    try:
        with psycopg.connect(dsn, connect_timeout=5, autocommit=True) as conn:
            if create:
                conn.execute(f'CREATE SCHEMA "{schema}"')
            else:
                conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    except Exception as exc:  # PostgreSQL down: the run says so and goes on
        return f"PostgreSQL at {dsn} unavailable: {type(exc).__name__}: {exc}".strip()
    return None


def run(cfg: common.Config) -> dict[str, Any]:
    from benchmarks.engine_speed import comment_mix

    if shutil.which("wrk") is None:
        return {"error": "wrk not installed (apt-get install wrk)"}
    seconds = 3 if cfg.quick else 10
    mix = [t for t in comment_mix(cfg.data, 400) if len(t) < 4000]
    clean = common.read_tsv_column(cfg.data / "tr-clean-text-ud" / "ud_boun_dev.tsv", "text")
    result: dict[str, Any] = {
        "wrk": {"threads": THREADS, "connections": CONNECTIONS, "seconds": seconds},
        "cores": os.cpu_count(),
        "databases": {},
        "notes": [],
    }
    pg_url = os.environ.get("YORUM_BENCH_PG", PG_URL)
    schema = f"yorum_bench_{os.getpid()}"
    with tempfile.TemporaryDirectory(prefix="yorum-bench-serve-") as tmp_name:
        tmp = Path(tmp_name)
        try:
            result["databases"]["sqlite"] = bench_database("sqlite", {}, mix, clean, seconds, tmp)
        except Exception as exc:  # one database failing must not hide the other
            result["databases"]["sqlite"] = {"error": f"{type(exc).__name__}: {exc}"}
        why = _pg_schema(pg_url, schema, create=True)
        if why is None:
            url = f"{pg_url}?options=-csearch_path%3D{schema}"
            try:
                result["databases"]["postgresql"] = bench_database(
                    "postgresql", {"YORUM_DATABASE_URL": url}, mix, clean, seconds, tmp
                )
            except Exception as exc:
                result["databases"]["postgresql"] = {"error": f"{type(exc).__name__}: {exc}"}
            finally:
                _pg_schema(pg_url, schema, create=False)
        else:
            result["notes"].append(why)
    result["targets"] = _targets(result["databases"])
    return common.rounded(result)


def _targets(databases: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for db, numbers in databases.items():
        m = numbers.get("POST /api/v1/moderate")
        if not m or "error" in m:
            continue
        out[db] = {
            "moderate_rps": {"want": f">= {TARGET_RPS:.0f}", "got": m["requests_per_s"]},
            "moderate_p99_ms": {"want": f"<= {TARGET_P99_MS:.0f}", "got": m["latency_p99_ms"]},
            "met": m["requests_per_s"] >= TARGET_RPS and m["latency_p99_ms"] <= TARGET_P99_MS,
        }
        light = numbers.get(LIGHT)
        if light and "error" not in light:
            out[db]["light_load_p99_ms"] = light["latency_p99_ms"]
            out[db]["light_load_rps"] = light["requests_per_s"]
    return out


def main() -> None:
    common.section_main("service", run, __doc__)


if __name__ == "__main__":
    main()
