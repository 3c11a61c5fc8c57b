#!/usr/bin/env python3
"""libfuzz.py — coverage-guided fuzzing of compile+run with libFuzzer.

    tests/fuzz/libfuzz.py [--seconds N] [--work DIR] FUZZER

FUZZER is build/fuzz/pith-fuzz (tests/fuzz/fuzz_exec.c). The corpus starts
from every golden program (tests/py, web/examples) and grows in
DIR/corpus, kept between runs; inputs are mutated with the Python tokens
of tests/fuzz/python.dict. Any crash, sanitizer report, failed check,
timeout (a loop Ctrl-C could not stop) or memory blow-up stops the run:
the input is saved in DIR and printed with the command that replays it;
each becomes a tests/py/regress_*.py golden test once fixed (or, when it
cannot be one, an input in tests/fuzz/regress/, replayed by every run).

Prints `libfuzzer: E executions in S s (X/s), coverage C edges (F
features), corpus N inputs, crashes K`. Exits 1 when something was found.
"""
import argparse
import glob
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def seed(work):
    """The golden programs, and tests/fuzz/regress/ (inputs that crashed once
    and cannot be golden programs: not valid UTF-8, say), copied where
    libFuzzer may read but not write; every run replays them first."""
    seeds = os.path.join(work, "seeds")
    os.makedirs(seeds, exist_ok=True)
    for py in glob.glob(os.path.join(ROOT, "tests", "py", "*.py")) + \
            glob.glob(os.path.join(ROOT, "web", "examples", "*.py")) + \
            glob.glob(os.path.join(HERE, "regress", "*")):
        shutil.copy(py, os.path.join(seeds, os.path.basename(os.path.dirname(py)) + "_" + os.path.basename(py)))
    return seeds


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=int, default=60)
    ap.add_argument("--work", default=os.path.join(ROOT, "build", "fuzz"))
    ap.add_argument("fuzzer")
    args = ap.parse_args()
    corpus = os.path.join(args.work, "corpus")
    os.makedirs(corpus, exist_ok=True)
    seeds = seed(args.work)
    before = set(glob.glob(os.path.join(args.work, "crash-*")) + glob.glob(os.path.join(args.work, "timeout-*"))
                 + glob.glob(os.path.join(args.work, "oom-*")) + glob.glob(os.path.join(args.work, "leak-*")))
    cmd = [os.path.abspath(args.fuzzer), "-max_total_time=%d" % args.seconds,
           "-dict=" + os.path.join(HERE, "python.dict"), "-max_len=2048", "-timeout=10",
           "-rss_limit_mb=2048", "-print_final_stats=1", "-detect_leaks=0",
           "-artifact_prefix=" + args.work + "/", corpus, seeds]
    env = dict(os.environ, ASAN_OPTIONS="detect_leaks=0:allocator_may_return_null=1",
               UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1")
    run = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    log = run.stderr.decode("utf-8", "replace")
    stat = dict(re.findall(r"stat::(\w+):\s+(\d+)", log))
    cov = re.findall(r"cov: (\d+) ft: (\d+) corp: (\d+)", log)
    found = sorted(set(glob.glob(os.path.join(args.work, "crash-*")) + glob.glob(os.path.join(args.work, "timeout-*"))
                       + glob.glob(os.path.join(args.work, "oom-*")) + glob.glob(os.path.join(args.work, "leak-*")))
                   - before)
    runs = int(stat.get("number_of_executed_units", 0))
    edges, features, inputs = cov[-1] if cov else ("?", "?", "?")
    if run.returncode != 0 or found:
        tail = log.strip().splitlines()[-40:]
        print("\n".join("  | " + line for line in tail))
        for path in found:
            with open(path, "rb") as f:
                print("FAIL libfuzzer: %s\n  input: %r\n  replay: %s %s"
                      % (os.path.basename(path), f.read()[:600], args.fuzzer, path))
    print("libfuzzer: %d executions in %d s (%d/s), coverage %s edges (%s features), corpus %s inputs, crashes %d"
          % (runs, args.seconds, int(stat.get("average_exec_per_sec", 0)), edges, features, inputs,
             len(found) or (1 if run.returncode else 0)))
    sys.exit(1 if run.returncode or found else 0)


main()
