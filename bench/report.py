#!/usr/bin/python3
"""Combines load tool results.

  report.py merge OUT A.json B.json ...   one server's runs (the emulator's three instances) into one
  report.py table --out S.json --table T.txt --gnuplot-data D.dat SERVER.json ...
      the table (emulator's ratio to each peer), the summary JSON and the chart's data
"""
import argparse
import json
import os
import platform
import sys
import time


def merge(out, files):
    merged = {}
    for f in files:
        with open(f) as fh:
            part = json.load(fh)
        for k, v in part.items():
            if k in ("sessions", "commands", "commands_paced", "idle", "bulk") or k not in merged:
                merged[k] = v
    merged["ports"] = sorted({p for f in files for p in json.load(open(f))["ports"]})
    with open(out, "w") as fh:
        json.dump(merged, fh, indent=2)


def machine():
    model = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem = int(f.readline().split()[1]) * 1024
    return {"cores": os.cpu_count(), "cpu": model, "ram_gb": round(mem / 2**30, 1),
            "kernel": platform.release(), "os": _os()}


def _os():
    try:
        with open("/etc/os-release") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    return line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return "?"


# (key, label, getter, higher is better)
def rows(concurrencies, idle_counts):
    r = []
    for c in concurrencies:
        r.append((f"sessions_c{c}", f"full sessions/s, c={c}", lambda d, c=c: _sess(d, c, "sessions_per_s"), True))
        r.append((f"p50_c{c}", f"  p50 ms, c={c}", lambda d, c=c: _sess(d, c, "p50_ms"), False))
        r.append((f"p99_c{c}", f"  p99 ms, c={c}", lambda d, c=c: _sess(d, c, "p99_ms"), False))
        r.append((f"failed_c{c}", f"  failed, c={c}", lambda d, c=c: _sess(d, c, "failed"), False))
    r.append(("cpu_session", "server CPU ms/full session (c=8)", lambda d: _sess(d, 8, "server_cpu_ms_per_session") or _sess(d, concurrencies[-1], "server_cpu_ms_per_session"), False))
    r.append(("commands", "commands/s, 100 sessions", lambda d: (d.get("commands") or {}).get("commands_per_s"), True))
    r.append(("cmd_p50", "  p50 ms", lambda d: (d.get("commands") or {}).get("p50_ms"), False))
    r.append(("cmd_p99", "  p99 ms", lambda d: (d.get("commands") or {}).get("p99_ms"), False))
    r.append(("cpu_command", "server CPU ms/command", lambda d: (d.get("commands") or {}).get("server_cpu_ms_per_command"), False))
    r.append(("paced_p50", "paced commands (100 sessions): p50 ms", lambda d: (d.get("commands_paced") or {}).get("p50_ms"), False))
    r.append(("paced_p99", "  p99 ms", lambda d: (d.get("commands_paced") or {}).get("p99_ms"), False))
    for n in idle_counts:
        r.append((f"idle_{n}", f"PSS KB/idle session, {n} open", lambda d, n=n: _idle(d, n), False))
    r.append(("bulk", "bulk output MB/s", lambda d: (d.get("bulk") or {}).get("mb_per_s"), True))
    r.append(("bulk_cpu", "  server CPU ms per bulk run", lambda d: (d.get("bulk") or {}).get("server_cpu_ms_per_run"), False))
    r.append(("tool_share", "load tool CPU share (max)", _tool_share, False))
    return r


def _sess(d, c, field):
    for s in d.get("sessions", []):
        if s["concurrency"] == c:
            return s.get(field)
    return None


def _idle(d, n):
    for i in d.get("idle", []):
        if i["requested"] == n:
            if i.get("skipped"):
                return "skipped"
            v = i.get("pss_per_session_kb")
            if v is not None and i.get("opened", n) < n:
                return f"{v} ({i['opened']} open)"
            return v
    return None


def _tool_share(d):
    shares = [s.get("tool_cpu_share") for s in d.get("sessions", [])] + [(d.get(k) or {}).get("tool_cpu_share") for k in ("commands", "commands_paced", "bulk")]
    shares = [s for s in shares if s is not None]
    return f"{max(shares):.0%}" if shares else None


def fmt(v):
    if v is None:
        return "-"
    if isinstance(v, (int, float)) and v < 0:
        return "n/a"  # a forking server's processes ended mid-measurement: the CPU sample is unusable
    if isinstance(v, float):
        return f"{v:,.3f}" if abs(v) < 1 else f"{v:,.1f}" if abs(v) < 1000 else f"{v:,.0f}"
    return str(v)


def table(args):
    data = {}
    for f in args.files:
        with open(f) as fh:
            d = json.load(fh)
        data[os.path.basename(f)[:-5]] = d
    names = list(data)
    emu = "emulator" if "emulator" in data else names[0]
    peers = [n for n in names if n != emu]
    concurrencies = sorted({s["concurrency"] for d in data.values() for s in d.get("sessions", [])})
    idle_counts = sorted({i["requested"] for d in data.values() for i in d.get("idle", [])})
    spec = rows(concurrencies or [1, 8, 64], idle_counts)
    header = ["measurement", emu] + peers + [f"{emu}/{p}" for p in peers]
    lines = []
    values = {}
    for key, label, get, _ in spec:
        vals = {n: get(data[n]) for n in names}
        values[key] = vals
        row = [label] + [fmt(vals[n]) for n in [emu] + peers]
        for p in peers:
            e, q = vals[emu], vals[p]
            row.append(f"{e / q:.2f}x" if isinstance(e, (int, float)) and isinstance(q, (int, float)) and q > 0 and e >= 0 and key not in ("failed",) and not key.startswith("failed") else "")
        lines.append(row)
    widths = [max(len(str(r[i])) for r in lines + [header]) for i in range(len(header))]
    out = []
    m = machine()
    out.append(f"{args.mode} run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {m['cores']} cores, {m['cpu']}, {m['ram_gb']} GB RAM, {m['os']}, Linux {m['kernel']}")
    out.append("  ".join(h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in enumerate(zip(header, widths))))
    out.append("  ".join("-" * w for w in widths))
    for r in lines:
        out.append("  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(r, widths))))
    out.append("ratios: the emulator's value divided by the peer's (higher is better for /s and MB/s, lower for ms and KB)")
    text = "\n".join(out) + "\n"
    with open(args.table, "w") as fh:
        fh.write(text)
    with open(args.out, "w") as fh:
        json.dump({"mode": args.mode, "machine": m, "generated": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                   "table": {k: v for k, v in values.items()}, "servers": data}, fh, indent=2)
    with open(args.gnuplot_data, "w") as fh:
        for n in names:
            fh.write(f"# {n}\n")
            for s in sorted(data[n].get("sessions", []), key=lambda s: s["concurrency"]):
                fh.write(f"{s['concurrency']} {s['sessions_per_s'] or 0} {s['p99_ms'] or 0}\n")
            fh.write("\n\n")


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "merge":
        merge(sys.argv[2], sys.argv[3:])
        return
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd")
    ap.add_argument("--mode", default="full")
    ap.add_argument("--out", required=True)
    ap.add_argument("--table", required=True)
    ap.add_argument("--gnuplot-data", required=True)
    ap.add_argument("files", nargs="+")
    table(ap.parse_args())


if __name__ == "__main__":
    main()
