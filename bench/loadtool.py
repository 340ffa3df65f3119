#!/usr/bin/python3
"""Load tool for interactive SSH servers (prompt-driven shells).

Measures, against one SSH server on loopback:
  sessions  full sessions per second (connect, password auth, pty shell, prompt, one command,
            prompt, exit) at one or more concurrencies, with p50/p99 latency
  commands  command round trips on N open sessions (commands/s, p50/p99)
  idle      N idle sessions held open, with the server's PSS per session
  bulk      bulk output throughput (MB/s) of one command

The server's CPU (utime+stime of its process tree from /proc/<pid>/stat) is sampled around every
measurement; the tool's own CPU is the sum over its worker processes.  The work is spread over
several worker processes (multiprocessing, fork), each an asyncio loop with asyncssh clients.

Output: JSON (--json FILE, or stdout with --json -) and a readable summary on stderr.
"""

import argparse
import asyncio
import json
import logging
import multiprocessing as mp
import os
import re
import random
import resource
import select
import subprocess
import sys
import time
import warnings

warnings.filterwarnings("ignore")
import asyncssh  # noqa: E402

logging.getLogger("asyncssh").setLevel(logging.CRITICAL)

CLK_TCK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")
NCPU = os.cpu_count() or 1


# ----------------------------------------------------------------------------- /proc sampling

def _children_map():
    children = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as f:
                data = f.read()
        except OSError:
            continue
        rest = data[data.rfind(b")") + 2:].split()
        children.setdefault(int(rest[1]), []).append(int(name))
    return children


def process_tree(pid):
    """pid and all its living descendants (forking servers: sshd, dropbear)."""
    if pid is None:
        return []
    children = _children_map()
    tree, todo = [], [pid]
    while todo:
        p = todo.pop()
        tree.append(p)
        todo.extend(children.get(p, []))
    return tree


def tree_cpu_seconds(pid):
    """utime+stime+cutime+cstime summed over the living tree: exited, reaped children are in
    their parent's cutime/cstime, living ones are counted by themselves; nothing twice."""
    total = 0
    for p in process_tree(pid):
        try:
            with open(f"/proc/{p}/stat", "rb") as f:
                data = f.read()
        except OSError:
            continue
        rest = data[data.rfind(b")") + 2:].split()
        # fields 14-17 (1-based) are utime stime cutime cstime; rest starts at field 3
        total += sum(int(x) for x in rest[11:15])
    return total / CLK_TCK


def tree_pss_bytes(pid):
    total, count = 0, 0
    for p in process_tree(pid):
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1]) * 1024
                        count += 1
                        break
        except OSError:
            continue
    return total, count


def mem_available_bytes():
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    return 0


def percentile(values, q):
    if not values:
        return None
    s = sorted(values)
    k = min(len(s) - 1, max(0, int(round(q / 100.0 * (len(s) - 1)))))
    return s[k]


# ----------------------------------------------------------------------------- one client

class Shell:
    """A pty shell on one connection, driven by prompts."""

    def __init__(self, opts, index):
        self.opts = opts
        self.index = index
        self.prompt = re.compile(rb"(?:" + opts["prompt"].encode() + rb")\Z")
        self.conn = None
        self.proc = None
        self.buf = bytearray()
        self.event = asyncio.Event()
        self.closed = False

    async def open(self):
        o = self.opts
        ports = o["ports"]
        port = ports[self.index % len(ports)]
        local = None
        if o["spread_source"]:
            # 127.0.0.2 ... 127.0.0.254: per-source limits (dropbear: 5 unauthenticated per address)
            local = (f"127.0.0.{2 + (self.index * 7 + os.getpid()) % 253}", 0)
        self.conn = await asyncio.wait_for(asyncssh.connect(
            o["host"], port, username=o["user"], password=o["password"], known_hosts=None,
            client_keys=None, agent_path=None, preferred_auth="password,keyboard-interactive",
            local_addr=local, config=None, login_timeout=o["timeout"]), o["timeout"])
        self.chan, _ = await self.conn.create_session(
            lambda: _Recv(self), term_type="xterm", term_size=(o["width"], 24), encoding=None)
        await self.wait_prompt(False)
        for cmd in o["setup"]:
            await self.run(cmd)

    def feed(self, data):
        self.buf += data
        self.event.set()

    async def wait_prompt(self, after_newline):
        """Waits for the prompt at the end of the output; after a command, only once a newline (the
        echo of Enter) has come, so that a line repainted with the prompt before it does not count."""
        deadline = time.monotonic() + self.opts["timeout"]
        nl = -1 if after_newline else 0
        while True:
            if nl < 0:
                nl = self.buf.find(b"\n")
            if nl >= 0 and self.prompt.search(bytes(self.buf[max(nl, len(self.buf) - 512):])):
                return
            if self.closed:
                raise ConnectionError("channel closed while waiting for the prompt")
            self.event.clear()
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no prompt; last bytes: %r" % bytes(self.buf[-120:]))
            try:
                await asyncio.wait_for(self.event.wait(), left)
            except asyncio.TimeoutError:
                pass

    async def run(self, command):
        """Sends one line and waits for the next prompt; returns the bytes received."""
        self.buf.clear()
        self.chan.write(command.encode() + b"\r")
        await self.wait_prompt(True)
        return len(self.buf)

    async def exit(self):
        self.chan.write(self.opts["exit_command"].encode() + b"\r")
        try:
            await asyncio.wait_for(self.chan.wait_closed(), self.opts["timeout"])
        except Exception:
            pass
        self.close()

    def close(self):
        if self.conn is not None:
            self.conn.close()

    async def wait_closed(self):
        if self.conn is not None:
            try:
                await asyncio.wait_for(self.conn.wait_closed(), 5)
            except Exception:
                pass


class _Recv(asyncssh.SSHClientSession):
    def __init__(self, shell):
        self.shell = shell

    def data_received(self, data, datatype):
        self.shell.feed(data if isinstance(data, bytes) else data.encode())

    def connection_lost(self, exc):
        self.shell.closed = True
        self.shell.event.set()


# ----------------------------------------------------------------------------- workers

def _worker_main(kind, opts, wid, share, conn, go):
    resource.setrlimit(resource.RLIMIT_NOFILE, _nofile())
    try:
        result = asyncio.run(_worker(kind, opts, wid, share, conn, go))
    except Exception as e:  # report rather than hang the coordinator
        result = {"fatal": repr(e)}
    conn.send(result)
    conn.close()


def _nofile():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    return (min(hard, 1 << 20), hard) if hard != resource.RLIM_INFINITY else (1 << 20, hard)


async def _wait_go(go):
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, go.wait)


async def _worker(kind, opts, wid, share, conn, go):
    loop = asyncio.get_running_loop()
    errors = []

    def err(e):
        if len(errors) < 20:
            errors.append(repr(e)[:300])

    if kind == "sessions":
        concurrency, quota = share
        latencies = []
        count = [0, 0]  # started, failed
        await _wait_go(go)
        cpu0 = time.process_time()
        deadline = time.monotonic() + opts["duration"]

        async def loop_one(slot):
            i = slot
            while time.monotonic() < deadline and (quota is None or count[0] < quota):
                count[0] += 1
                sh = Shell(opts, wid * 100003 + i)
                i += concurrency
                t0 = time.monotonic()
                try:
                    await sh.open()
                    await sh.run(opts["command"])
                    await sh.exit()
                    latencies.append(time.monotonic() - t0)
                except Exception as e:
                    count[1] += 1
                    err(e)
                    sh.close()
        await asyncio.gather(*(loop_one(s) for s in range(concurrency)))
        return {"latencies": latencies, "failed": count[1], "errors": errors,
                "cpu": time.process_time() - cpu0}

    if kind == "commands":
        nsessions, quota = share
        shells = [Shell(opts, wid * 100003 + i) for i in range(nsessions)]
        sem = asyncio.Semaphore(opts["ramp"])

        async def opener(sh):
            async with sem:
                await sh.open()
        res = await asyncio.gather(*(opener(s) for s in shells), return_exceptions=True)
        live = [s for s, r in zip(shells, res) if not isinstance(r, Exception)]
        for r in res:
            if isinstance(r, Exception):
                err(r)
        conn.send({"ready": len(live)})
        await _wait_go(go)
        cpu0 = time.process_time()
        latencies = []
        failed = [0]
        done = [0]
        deadline = time.monotonic() + opts["duration"]

        interval = opts.get("command_interval")
        rng = random.Random(wid)

        async def drive(sh):
            # Paced (open loop): each session sends at its own fixed interval from a random phase, and
            # latency counts from the scheduled instant, so a slow answer is not hidden by a late send.
            due = time.monotonic() + (rng.random() * interval if interval else 0)
            while time.monotonic() < deadline and (quota is None or done[0] < quota):
                if interval:
                    wait = due - time.monotonic()
                    if wait > 0:
                        await asyncio.sleep(wait)
                    t0, due = due, due + interval
                    if t0 >= deadline:
                        return
                else:
                    t0 = time.monotonic()
                done[0] += 1
                try:
                    await sh.run(opts["command"])
                    latencies.append(time.monotonic() - t0)
                except Exception as e:
                    failed[0] += 1
                    err(e)
                    return
        await asyncio.gather(*(drive(s) for s in live))
        cpu = time.process_time() - cpu0
        await asyncio.gather(*(s.exit() for s in live), return_exceptions=True)
        return {"latencies": latencies, "failed": failed[0] + nsessions - len(live), "errors": errors,
                "cpu": cpu, "opened": len(live)}

    if kind == "idle":
        n = share
        shells = [Shell(opts, wid * 100003 + i) for i in range(n)]
        sem = asyncio.Semaphore(opts["ramp"])
        cpu0 = time.process_time()

        async def opener(sh):
            async with sem:
                await sh.open()
        res = await asyncio.gather(*(opener(s) for s in shells), return_exceptions=True)
        for r in res:
            if isinstance(r, Exception):
                err(r)
        live = [s for s, r in zip(shells, res) if not isinstance(r, Exception)]
        conn.send({"ready": len(live), "cpu": time.process_time() - cpu0})
        await _wait_go(go)  # coordinator has measured; now check they are still open and close
        still = sum(1 for s in live if not s.closed)
        for s in live:
            s.close()
        await asyncio.gather(*(s.wait_closed() for s in live), return_exceptions=True)
        return {"opened": len(live), "still_open": still, "failed": n - len(live), "errors": errors}

    if kind == "bulk":
        sh = Shell(opts, wid)
        await sh.open()
        await sh.run(opts["bulk_command"])  # warm-up (and the byte count)
        conn.send({"ready": 1})
        await _wait_go(go)
        cpu0 = time.process_time()
        t0 = time.monotonic()
        total, runs, times = 0, 0, []
        while runs < opts["bulk_runs"] or time.monotonic() - t0 < opts["duration"]:
            t1 = time.monotonic()
            total += await sh.run(opts["bulk_command"])
            times.append(time.monotonic() - t1)
            runs += 1
            if runs >= opts["bulk_runs"] and time.monotonic() - t0 >= opts["duration"]:
                break
            if opts["quota"] is not None and runs >= opts["quota"]:
                break
        elapsed = time.monotonic() - t0
        cpu = time.process_time() - cpu0
        await sh.exit()
        return {"bytes": total, "runs": runs, "elapsed": elapsed, "cpu": cpu, "latencies": times,
                "errors": errors, "failed": 0}

    raise ValueError(kind)


class Pool:
    """Worker processes for one measurement; go is set once every worker is ready."""

    def __init__(self, kind, opts, shares):
        ctx = mp.get_context("fork")
        self.go = ctx.Event()
        self.pipes, self.procs = [], []
        for wid, share in enumerate(shares):
            a, b = ctx.Pipe()
            p = ctx.Process(target=_worker_main, args=(kind, opts, wid, share, b, self.go), daemon=True)
            p.start()
            b.close()
            self.pipes.append(a)
            self.procs.append(p)

    def ready(self, timeout):
        out = []
        self.early = {}
        for i, a in enumerate(self.pipes):
            if not a.poll(timeout):
                raise TimeoutError("a worker did not get ready")
            r = a.recv()
            if "fatal" in r:
                self.early[i] = r
            out.append(r)
        return out

    def finish(self, timeout):
        out = []
        early = getattr(self, "early", {})
        for i, a in enumerate(self.pipes):
            if i in early:
                out.append(early[i])
                continue
            try:
                out.append(a.recv() if a.poll(timeout) else {"fatal": "worker timed out"})
            except EOFError:
                out.append({"fatal": "worker died"})
        for p in self.procs:
            p.join(10)
            if p.is_alive():
                p.kill()
        return out


def split(total, parts):
    parts = max(1, min(parts, total))
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


# ----------------------------------------------------------------------------- measurements

def _errors(results):
    errs = []
    for r in results:
        if "fatal" in r:
            errs.append(r["fatal"])
        errs.extend(r.get("errors", []))
    return errs[:10]


def _lat(latencies):
    return {"p50_ms": _ms(percentile(latencies, 50)), "p99_ms": _ms(percentile(latencies, 99)),
            "max_ms": _ms(max(latencies) if latencies else None)}


def _ms(v):
    return None if v is None else round(v * 1000, 2)


def measure_sessions(opts, concurrency):
    shares = split(concurrency, opts["workers"])
    quotas = [None] * len(shares) if opts["quota"] is None else split(max(opts["quota"], len(shares)), len(shares))
    pool = Pool("sessions", opts, [(c, q) for c, q in zip(shares, quotas)])
    time.sleep(0.2)
    cpu0, t0 = tree_cpu_seconds(opts["server_pid"]), time.monotonic()
    pool.go.set()
    results = pool.finish(opts["duration"] + opts["timeout"] * 3 + 30)
    wall = time.monotonic() - t0
    cpu1 = tree_cpu_seconds(opts["server_pid"])
    lats = [x for r in results for x in r.get("latencies", [])]
    failed = sum(r.get("failed", 0) for r in results) + sum(1 for r in results if "fatal" in r)
    tool_cpu = sum(r.get("cpu", 0) for r in results)
    ok = len(lats)
    return {
        "concurrency": concurrency, "workers": len(shares), "completed": ok, "failed": failed,
        "seconds": round(wall, 3), "sessions_per_s": round(ok / wall, 2) if wall else None,
        **_lat(lats),
        "server_cpu_s": round(cpu1 - cpu0, 3),
        "server_cpu_ms_per_session": round((cpu1 - cpu0) * 1000 / ok, 3) if ok else None,
        "tool_cpu_s": round(tool_cpu, 3),
        "tool_cpu_share": round(tool_cpu / (wall * NCPU), 3) if wall else None,
        "server_cpu_share": round((cpu1 - cpu0) / (wall * NCPU), 3) if wall else None,
        "errors": _errors(results),
    }


def measure_commands(opts, sessions, rate=None):
    """Command round trips on `sessions` open shells: as fast as each answer allows (closed loop), or
    paced at `rate` commands/s in all (open loop), where latency is what a user of a busy device sees."""
    opts = dict(opts, quota=opts["command_quota"] if opts["command_quota"] is not None else opts["quota"],
                command_interval=sessions / rate if rate else None)
    shares = split(sessions, opts["workers"])
    quotas = [None] * len(shares) if opts["quota"] is None else split(max(opts["quota"], len(shares)), len(shares))
    pool = Pool("commands", opts, list(zip(shares, quotas)))
    ready = pool.ready(opts["timeout"] * 4 + sessions)
    opened = sum(r.get("ready", 0) for r in ready)
    cpu0, t0 = tree_cpu_seconds(opts["server_pid"]), time.monotonic()
    pool.go.set()
    results = pool.finish(opts["duration"] + opts["timeout"] * 3 + 30)
    # the workers report after their last command, before closing
    wall = max((time.monotonic() - t0), 1e-9)
    cpu1 = tree_cpu_seconds(opts["server_pid"])
    lats = [x for r in results for x in r.get("latencies", [])]
    failed = sum(r.get("failed", 0) for r in results)
    tool_cpu = sum(r.get("cpu", 0) for r in results)
    ok = len(lats)
    return {
        "sessions": sessions, "rate": rate, "opened": opened, "workers": len(shares), "completed": ok, "failed": failed,
        "seconds": round(wall, 3), "commands_per_s": round(ok / wall, 2), **_lat(lats),
        "server_cpu_s": round(cpu1 - cpu0, 3),
        "server_cpu_ms_per_command": round((cpu1 - cpu0) * 1000 / ok, 4) if ok else None,
        "tool_cpu_s": round(tool_cpu, 3), "tool_cpu_share": round(tool_cpu / (wall * NCPU), 3),
        "server_cpu_share": round((cpu1 - cpu0) / (wall * NCPU), 3),
        "errors": _errors(results) + _errors(ready),
    }


def measure_idle(opts, count):
    pid = opts["server_pid"]
    before, procs_before = tree_pss_bytes(pid)
    cpu0, t0 = tree_cpu_seconds(pid), time.monotonic()
    pool = Pool("idle", opts, split(count, opts["workers"]))
    ready = pool.ready(opts["timeout"] * 4 + count)
    ramp = time.monotonic() - t0
    opened = sum(r.get("ready", 0) for r in ready)
    time.sleep(opts["settle"])
    cpu1 = tree_cpu_seconds(pid)
    after, procs_after = tree_pss_bytes(pid)
    pool.go.set()
    results = pool.finish(opts["timeout"] * 3 + 60)
    still = sum(r.get("still_open", 0) for r in results)
    # let a forking server's session processes go (and be reaped) before the next measurement
    end = time.monotonic() + 60
    while time.monotonic() < end and len(process_tree(pid)) > procs_before:
        time.sleep(0.5)
    time.sleep(1)
    return {
        "requested": count, "opened": opened, "still_open_after_settle": still,
        "failed": count - opened, "open_seconds": round(ramp, 2),
        "opened_per_s": round(opened / ramp, 1) if ramp else None,
        "pss_before_mb": round(before / 2**20, 2), "pss_after_mb": round(after / 2**20, 2),
        "server_processes_before": procs_before, "server_processes_after": procs_after,
        "pss_per_session_kb": round((after - before) / 1024 / opened, 1) if opened else None,
        "server_cpu_ms_per_session_open": round((cpu1 - cpu0) * 1000 / opened, 3) if opened else None,
        "tool_cpu_s": round(sum(r.get("cpu", 0) for r in ready), 3),
        "errors": _errors(results) + _errors(ready),
    }


def measure_bulk_openssh(opts):
    """Bulk output read by OpenSSH's client (C, decrypting at GB/s) through sshpass, in 1 MB reads:
    a Python SSH client decrypting every packet would be the bottleneck here, not the server."""
    o = opts
    port = o["ports"][0]
    argv = ["sshpass", "-e", "ssh", "-tt", "-p", str(port), "-o", "StrictHostKeyChecking=no",
            "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-o", "PubkeyAuthentication=no",
            "-o", "PreferredAuthentications=password,keyboard-interactive", f"{o['user']}@{o['host']}"]
    env = dict(os.environ, SSHPASS=o["password"])
    prompt = re.compile(rb"(?:" + o["prompt"].encode() + rb")\Z")
    errors = []
    try:
        proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, bufsize=0)
    except OSError as e:
        return {"command": o["bulk_command"], "failed": 1, "errors": [f"cannot run the OpenSSH client: {e}"]}
    fd = proc.stdout.fileno()

    def wait(after_newline):
        received, tail, seen = 0, b"", not after_newline
        deadline = time.monotonic() + o["timeout"] * 10
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 1.0)
            if not ready:
                continue
            data = os.read(fd, 1 << 20)
            if not data:
                raise ConnectionError("the OpenSSH client closed: %r" % tail[-120:])
            received += len(data)
            tail = (tail + data)[-1024:]
            seen = seen or b"\n" in data
            if seen and prompt.search(tail):
                return received
        raise TimeoutError("no prompt; last bytes: %r" % tail[-120:])

    latencies, total, elapsed, runs = [], 0, 0.0, 0
    cpu_self0, kids0 = os.times(), tree_cpu_seconds(proc.pid)
    cpu0 = tree_cpu_seconds(o["server_pid"])
    try:
        wait(False)
        for line in o["setup"]:
            proc.stdin.write(line.encode() + b"\r")
            wait(True)
        for _ in range(o["bulk_warmup"]):  # JIT and first-use costs, alike for every server: run and discard
            proc.stdin.write(o["bulk_command"].encode() + b"\r")
            wait(True)
        cpu0 = tree_cpu_seconds(o["server_pid"])
        cpu_self0, kids0 = os.times(), tree_cpu_seconds(proc.pid)
        for _ in range(o["bulk_runs"]):
            t = time.monotonic()
            proc.stdin.write(o["bulk_command"].encode() + b"\r")
            total += wait(True)
            dt = time.monotonic() - t
            latencies.append(dt)
            elapsed += dt
            runs += 1
    except Exception as e:
        errors.append(f"{type(e).__name__}: {e}")
    cpu1 = tree_cpu_seconds(o["server_pid"])
    kids1, cpu_self1 = tree_cpu_seconds(proc.pid), os.times()
    tool_cpu = (kids1 - kids0) + (cpu_self1.user + cpu_self1.system - cpu_self0.user - cpu_self0.system)
    try:
        proc.stdin.write(o["exit_command"].encode() + b"\r")
        proc.wait(10)
    except Exception:
        proc.kill()
    if not runs:
        return {"command": o["bulk_command"], "client": "openssh", "failed": 1, "errors": errors}
    return {
        "command": o["bulk_command"], "client": "openssh", "warmup_runs": o["bulk_warmup"], "runs": runs, "bytes_per_run": int(total / runs),
        "bytes": total, "seconds": round(elapsed, 3),
        "mb_per_s": round(total / elapsed / 1e6, 2) if elapsed else None,
        **_lat(latencies),
        "server_cpu_ms_per_run": round((cpu1 - cpu0) * 1000 / runs, 2),
        "tool_cpu_share": round(tool_cpu / (elapsed * NCPU), 3) if elapsed else None,
        "failed": 1 if errors else 0, "errors": errors,
    }


def measure_bulk(opts):
    pool = Pool("bulk", opts, [1])
    ready = pool.ready(opts["timeout"] * 4 + 30)
    cpu0, t0 = tree_cpu_seconds(opts["server_pid"]), time.monotonic()
    pool.go.set()
    results = pool.finish(opts["duration"] + opts["timeout"] * 3 + 60)
    cpu1 = tree_cpu_seconds(opts["server_pid"])
    r = results[0]
    if "fatal" in r or "fatal" in ready[0]:
        r = r if "fatal" in r else ready[0]
        return {"command": opts["bulk_command"], "failed": 1, "errors": [r["fatal"]] + _errors(ready)}
    per_run = r["bytes"] / r["runs"] if r["runs"] else 0
    return {
        "command": opts["bulk_command"], "runs": r["runs"], "bytes_per_run": int(per_run),
        "bytes": r["bytes"], "seconds": round(r["elapsed"], 3),
        "mb_per_s": round(r["bytes"] / r["elapsed"] / 1e6, 2) if r["elapsed"] else None,
        **_lat(r["latencies"]),
        "server_cpu_ms_per_run": round((cpu1 - cpu0) * 1000 / r["runs"], 2) if r["runs"] else None,
        "tool_cpu_share": round(r["cpu"] / (r["elapsed"] * NCPU), 3) if r["elapsed"] else None,
        "failed": 0, "errors": _errors(results),
    }


# ----------------------------------------------------------------------------- summary

def summary(out):
    lines = [f"server {out['label']} (pid {out['server_pid']}) {out['host']}:{out['ports'][0]}"
             + (f"..{out['ports'][-1]}" if len(out["ports"]) > 1 else "") + f", {out['workers']} worker processes"]
    for s in out.get("sessions", []):
        lines.append(f"  sessions  c={s['concurrency']:<3} {s['sessions_per_s']:>8} /s  p50 {s['p50_ms']} ms  p99 {s['p99_ms']} ms"
                     f"  server {s['server_cpu_ms_per_session']} ms CPU/session  ok {s['completed']} failed {s['failed']}"
                     f"  tool CPU {s['tool_cpu_share']:.0%} server CPU {s['server_cpu_share']:.0%}")
    for c in (out.get("commands"), out.get("commands_paced")):
        if c:
            paced = f" at {c['rate']:g}/s" if c.get("rate") else ""
            lines.append(f"  commands  n={c['sessions']:<3}{paced} {c['commands_per_s']:>8} /s  p50 {c['p50_ms']} ms  p99 {c['p99_ms']} ms"
                         f"  server {c['server_cpu_ms_per_command']} ms CPU/command  ok {c['completed']} failed {c['failed']}"
                         f"  tool CPU {c['tool_cpu_share']:.0%} server CPU {c['server_cpu_share']:.0%}")
    for i in out.get("idle", []):
        if i.get("skipped"):
            lines.append(f"  idle      n={i['requested']:<5} skipped: {i['skipped']}")
            continue
        lines.append(f"  idle      n={i['requested']:<5} opened {i['opened']} still open {i['still_open_after_settle']}"
                     f"  PSS {i['pss_before_mb']} -> {i['pss_after_mb']} MB = {i['pss_per_session_kb']} KB/session")
    b = out.get("bulk")
    if b:
        if b.get("mb_per_s") is None:
            lines.append(f"  bulk      failed: {b.get('errors')}")
        else:
            lines.append(f"  bulk      {b['mb_per_s']} MB/s  ({b['runs']} x {b['bytes_per_run']} bytes of `{b['command']}`,"
                         f" p50 {b['p50_ms']} ms, server {b['server_cpu_ms_per_run']} ms CPU/run,"
                         f" client {b.get('client', 'asyncssh')} CPU {b.get('tool_cpu_share') or 0:.0%})")
    for kind in ("sessions", "idle"):
        for s in out.get(kind, []):
            for e in s.get("errors", [])[:3]:
                lines.append(f"    error: {e}")
    for kind in ("commands", "commands_paced", "bulk"):
        for e in (out.get(kind) or {}).get("errors", [])[:3]:
            lines.append(f"    error: {e}")
    return "\n".join(lines)


def parse_ports(text):
    ports = []
    for part in text.split(","):
        if "-" in part:
            a, b = part.split("-")
            ports.extend(range(int(a), int(b) + 1))
        else:
            ports.append(int(part))
    return ports


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", default="2222", help="port, or ports (2222-2241,2300) to spread sessions over")
    ap.add_argument("--user", default="admin")
    ap.add_argument("--password", default="admin")
    ap.add_argument("--prompt", default=r"admin@[\w.-]+> ", help="regex the output ends with when the shell waits")
    ap.add_argument("--command", default="show clock", help="the command of a full session and of the round trips")
    ap.add_argument("--exit-command", default="exit")
    ap.add_argument("--setup", action="append", default=[], help="a line sent once after login (repeatable)")
    ap.add_argument("--server-pid", type=int, help="the server's pid for CPU and PSS (its descendants count)")
    ap.add_argument("--label", default="server")
    ap.add_argument("--workers", type=int, default=max(2, NCPU), help="client processes (default: cores, at least 2)")
    ap.add_argument("--measure", default="sessions,commands,idle,bulk")
    ap.add_argument("--concurrency", default="1,8,64")
    ap.add_argument("--sessions", type=int, default=100, help="open sessions for the command round trips")
    ap.add_argument("--command-rate", type=float, default=500.0,
                    help="commands/s in all for the paced round trips (0: skip them)")
    ap.add_argument("--idle", default="500,5000", help="idle session counts")
    ap.add_argument("--idle-ports", help="ports for the idle measurement (default --port)")
    ap.add_argument("--idle-max", type=int, help="skip idle counts above this (a server that needs a pty per session)")
    ap.add_argument("--idle-max-reason", default="the server's limit", help="why, for the report")
    ap.add_argument("--idle-max-fraction", type=float, default=0.5,
                    help="skip an idle count whose PSS, extrapolated from the previous, exceeds this share of MemAvailable")
    ap.add_argument("--bulk-command", help="command with large output (default: skip bulk)")
    ap.add_argument("--bulk-runs", type=int, default=3)
    ap.add_argument("--bulk-warmup", type=int, default=1, help="bulk runs first run and discarded (OpenSSH client)")
    ap.add_argument("--bulk-client", choices=["openssh", "asyncssh"], default="openssh",
                    help="who reads the bulk output: OpenSSH's client through sshpass (default; not the bottleneck) or this tool's asyncssh")
    ap.add_argument("--duration", type=float, default=10.0, help="seconds per measurement")
    ap.add_argument("--warmup", type=float, default=0.0, help="seconds of full sessions at concurrency 4, discarded, first")
    ap.add_argument("--count", type=int, help="stop a sessions/commands measurement after this many (smoke tests)")
    ap.add_argument("--command-count", type=int, help="stop the command round trips after this many (default --count)")
    ap.add_argument("--ramp", type=int, default=8, help="connections being opened at once per worker for held sessions")
    ap.add_argument("--settle", type=float, default=3.0, help="seconds idle sessions stay open before PSS is read")
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds for a login or a prompt")
    ap.add_argument("--width", type=int, default=200, help="terminal width")
    ap.add_argument("--no-spread-source", action="store_true", help="connect from 127.0.0.1 only")
    ap.add_argument("--json", default=None, help="write the JSON here (- for stdout)")
    a = ap.parse_args(argv)

    resource.setrlimit(resource.RLIMIT_NOFILE, _nofile())
    ports = parse_ports(a.port)
    opts = {
        "host": a.host, "ports": ports, "user": a.user, "password": a.password, "prompt": a.prompt,
        "command": a.command, "exit_command": a.exit_command, "setup": a.setup, "server_pid": a.server_pid,
        "workers": a.workers, "duration": a.duration, "quota": a.count, "command_quota": a.command_count, "ramp": a.ramp, "settle": a.settle,
        "timeout": a.timeout, "width": a.width, "spread_source": not a.no_spread_source and a.host.startswith("127."),
        "bulk_command": a.bulk_command, "bulk_runs": a.bulk_runs, "bulk_warmup": a.bulk_warmup, "bulk_client": a.bulk_client,
    }
    measures = set(a.measure.split(","))
    out = {"label": a.label, "host": a.host, "ports": ports, "server_pid": a.server_pid, "workers": a.workers,
           "cores": NCPU, "command": a.command, "duration_s": a.duration, "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
           "tool": "python3 %s, asyncssh %s, multiprocessing" % (sys.version.split()[0], asyncssh.__version__)}
    t0 = time.monotonic()
    if "sessions" in measures:
        out["sessions"] = []
        if a.warmup > 0:  # JIT, caches, first-connection costs: run and discard
            measure_sessions(dict(opts, duration=a.warmup, quota=None), 4)
        for c in [int(x) for x in a.concurrency.split(",")]:
            out["sessions"].append(measure_sessions(opts, c))
            print(summary({**out, "sessions": out["sessions"][-1:]}).splitlines()[1], file=sys.stderr, flush=True)
    if "commands" in measures:
        out["commands"] = measure_commands(opts, a.sessions)
        if a.command_rate > 0:
            out["commands_paced"] = measure_commands(opts, a.sessions, a.command_rate)
    if "idle" in measures:
        out["idle"] = []
        iopts = dict(opts, ports=parse_ports(a.idle_ports) if a.idle_ports else ports)
        per = None
        for n in [int(x) for x in a.idle.split(",")]:
            if a.idle_max and n > a.idle_max:
                out["idle"].append({"requested": n, "skipped": "more than --idle-max %d (%s)" % (a.idle_max, a.idle_max_reason)})
                continue
            if per is not None and per > 0 and per * n > a.idle_max_fraction * mem_available_bytes():
                out["idle"].append({"requested": n, "skipped": "%d sessions x %.0f KB would exceed %.0f%% of MemAvailable"
                                    % (n, per / 1024, a.idle_max_fraction * 100)})
                continue
            r = measure_idle(iopts, n)
            out["idle"].append(r)
            if r.get("pss_per_session_kb"):
                per = r["pss_per_session_kb"] * 1024
            time.sleep(1)
    if "bulk" in measures and a.bulk_command:
        out["bulk"] = measure_bulk_openssh(opts) if a.bulk_client == "openssh" else measure_bulk(opts)
    out["seconds"] = round(time.monotonic() - t0, 1)
    out["ok"] = all(not s["failed"] for s in out.get("sessions", [])) and not (out.get("commands") or {}).get("failed") \
        and not (out.get("commands_paced") or {}).get("failed") \
        and all(not i.get("failed") for i in out.get("idle", [])) and not (out.get("bulk") or {}).get("failed")
    text = json.dumps(out, indent=2)
    if a.json == "-":
        print(text)
    elif a.json:
        with open(a.json, "w") as f:
            f.write(text + "\n")
    print(summary(out), file=sys.stderr, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
