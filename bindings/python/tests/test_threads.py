"""One engine, 8 deciding threads, and a 9th thread that keeps swapping
bundles (same schema with other rules, and another schema) and revoking and
unrevoking the agent. Every decision must be one that some published state
gives — never a bad_request from a stale schema, never a mix — and every
decision has its own audit record, made on the deciding thread."""
import json
import shutil
import threading

import agentpol
from conftest import SOURCE, build_bundle

THREADS = 8
DECISIONS_PER_THREAD = 3000


def variant(tmp, name, edit):
    d = tmp / name
    shutil.copytree(SOURCE / "examples" / "billing", d)
    edit(d)
    return agentpol.load(build_bundle(d, tmp / (name + ".apb")))


def replace_in(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_many_threads_while_swapping_and_revoking(tmp_path, billing_bundle, billing_request):
    a = agentpol.load(billing_bundle)
    # Same schema, stricter rule: 32 EUR is no longer a small refund.
    b = variant(tmp_path, "strict", lambda d: replace_in(d / "rules.agentpol", "amount <= 50 EUR &&",
                                                         "amount <= 20 EUR &&"))
    # Another schema (an extra optional attribute): requests are rebuilt for it.
    c = variant(tmp_path, "wider", lambda d: replace_in(d / "schema.agentpol", "entity Agent   { model: String }",
                                                        "entity Agent   { model: String, nick?: String }"))
    assert a.schema_hash == b.schema_hash != c.schema_hash
    allowed = {a.hash, c.hash}
    outcomes = {
        ("allow", "permitted", ("small-refunds", "user-refund")),
        ("deny", "no_permit", ()),
        ("deny", "revoked", ()),
    }

    local = threading.local()
    records = []

    def audit(rec):
        local.last = rec
        records.append(rec["reason"])

    engine = agentpol.Engine(a, audit=audit)
    text = json.dumps(billing_request)
    failures = []
    done = threading.Event()

    def decider(i):
        try:
            for n in range(DECISIONS_PER_THREAD):
                d = engine.decide(billing_request if (n + i) % 2 else text)
                got = (d.decision, d.reason, d.rules)
                rec = local.last
                if got not in outcomes or rec["decision"] != d.decision or rec["reason"] != d.reason:
                    failures.append((got, rec))
                elif d.reason == "permitted" and rec["bundle"] not in allowed:
                    failures.append(("allowed by", rec["bundle"]))
                elif d.reason == "no_permit" and rec["bundle"] != b.hash:
                    failures.append(("no_permit by", rec["bundle"]))
        except Exception as e:  # pragma: no cover - reported below
            failures.append(repr(e))

    swaps = [0]

    def swapper():
        bundles = [a, b, c]
        while not done.is_set():
            engine.swap(bundles[swaps[0] % 3])
            if swaps[0] % 5 == 0:
                engine.revoke("billing_assist_07")
            elif swaps[0] % 5 == 2:
                engine.unrevoke("billing_assist_07")
            swaps[0] += 1

    threads = [threading.Thread(target=decider, args=(i,)) for i in range(THREADS)]
    s = threading.Thread(target=swapper)
    s.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    done.set()
    s.join()

    assert failures[:5] == []
    assert len(records) >= THREADS * DECISIONS_PER_THREAD
    assert swaps[0] > 0
    print("swaps:", swaps[0], "decisions by reason:", {r: records.count(r) for r in set(records)})
    # Back to the first state: the original decision.
    engine.swap(a)
    engine.unrevoke("billing_assist_07")
    assert engine.decide(billing_request).rules == ("small-refunds", "user-refund")


def test_threads_share_an_engine_without_audit(engine, billing_request):
    results = []

    def run():
        results.append(engine.decide_many([billing_request] * 500))

    threads = [threading.Thread(target=run) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == THREADS
    assert all(d.reason == "permitted" for r in results for d in r)
