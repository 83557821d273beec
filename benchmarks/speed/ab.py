#!/usr/bin/env python3
"""Interleaved fresh runs of `contract-gate diff A B` through one or more launchers, to compare two builds
(or JVM options) on a shared machine: each round runs every variant once, so a burst of load hits all alike.

usage: ab.py N VARIANT...   VARIANT = "path/to/contract-gate|JAVA_OPTS"   (JAVA_OPTS may be empty)
env:   A, B = the two inputs (default /tmp/v35/old.json, /tmp/v35/new.json), ARGS = more diff arguments
A build to compare: copy `contract-gate` and `contract-cli/target/contract-gate.jar` of it into DIR and
DIR/contract-cli/target/, run DIR/contract-gate once (it records its class-data archive), then pass
"DIR/contract-gate|-Xmx512m". Prints the median and minimum wall time and the median CPU (user + sys).
"""
import os, subprocess, sys, statistics, time, resource
n = int(sys.argv[1]); variants = sys.argv[2:]
a = os.environ.get("A", "/tmp/v35/old.json"); b = os.environ.get("B", "/tmp/v35/new.json")
extra = os.environ.get("ARGS", "").split()
res = {v: [] for v in variants}
for i in range(n):
    for v in variants:
        cmd, opts = v.split("|")
        env = dict(os.environ); env["JAVA_OPTS"] = opts
        if not opts: env.pop("JAVA_OPTS")
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN); t0 = time.time()
        p = subprocess.run([cmd, "diff", a, b] + extra, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        t1 = time.time(); r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        res[v].append((t1 - t0, r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime, p.returncode))
for v in variants:
    w = [x[0] for x in res[v]]; c = [x[1] for x in res[v]]
    print(f"[{v}] wall med {statistics.median(w):.3f} min {min(w):.3f} cpu med {statistics.median(c):.2f} rc {set(x[2] for x in res[v])}")
