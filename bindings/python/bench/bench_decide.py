#!/usr/bin/env python3
"""Benchmark of the Python binding (issue 15): engine.decide(d) for the
billing request as a dict, against json.loads of the same request's JSON
text, in the same run; also decide(str), decide(bytes), decide_many and
guard. Prints one line per measurement (best of R repeats of N calls, in
microseconds per call) and the ratio decide(dict) / json.loads (target <= 1).

    PYTHONPATH=build/bindings/python /usr/bin/python3 bindings/python/bench/bench_decide.py build/billing.apb

Figures and the method: docs/performance.md ("Python").
"""
import json
import pathlib
import sys
import timeit

import agentpol

N = 20000
R = 7


def best(stmt, number=N):
    return min(timeit.repeat(stmt, number=number, repeat=R)) / number * 1e6


def main():
    bundle = agentpol.load(sys.argv[1])
    root = pathlib.Path(__file__).resolve().parents[3]
    text = (root / "examples" / "billing" / "request.json").read_text()
    d = json.loads(text)
    compact = json.dumps(d, separators=(",", ":"))
    engine = agentpol.Engine(bundle)
    assert engine.decide(d).reason == "permitted"
    loads = best(lambda: json.loads(compact))
    rows = [
        ("json.loads(text)", loads),
        ("engine.decide(dict)", best(lambda: engine.decide(d))),
        ("engine.decide(str)", best(lambda: engine.decide(compact))),
        ("engine.decide(bytes)", best(lambda: engine.decide(compact.encode()))),
        ("engine.decide_many(100 dicts) / 100", best(lambda: engine.decide_many([d] * 100), N // 100) / 100),
        ("json.loads + engine.decide(dict)", best(lambda: engine.decide(json.loads(compact)))),
    ]
    audited = agentpol.Engine(bundle, audit=lambda rec: None)
    rows.append(("engine.decide(dict), audit callable", best(lambda: audited.decide(d))))
    r = d

    @agentpol.guard(engine, "refund", agent=r["agent"], user=r["user"], context=r["context"], now=r["now"])
    def refund(order, amount, reason):
        return None

    args = r["args"]
    rows.append(("guarded refund(...) call", best(lambda: refund(args["order"], args["amount"], args["reason"]))))
    print("request: examples/billing/request.json, %d bytes compact; best of %d x %d calls" % (len(compact), R, N))
    for name, us in rows:
        print("%-40s %8.2f us" % (name, us))
    print("ratio decide(dict) / json.loads = %.2f" % (rows[1][1] / loads))


if __name__ == "__main__":
    main()
