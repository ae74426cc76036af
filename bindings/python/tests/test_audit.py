"""The audit callable: one dict per decision, equal to the record `agentpolc
eval --audit` writes for the same request; and when it raises, decide()
raises that exception and returns no decision (never an allow without its
record) — for dicts, JSON text, decide_many and guard alike."""
import json
import subprocess

import pytest

import agentpol
from conftest import AGENTPOLC, TOOL_ENV, read_cases, suites


def test_records_equal_eval_audit_lines(billing_bundle, tmp_path):
    cases = [c for c in read_cases("billing", suites()["examples/billing/cases.json"][1]) if not c.revoke]
    texts = [c.text for c in cases]
    audit_file = tmp_path / "audit.jsonl"
    subprocess.run([AGENTPOLC, "eval", str(billing_bundle), "--request", "-", "--audit", str(audit_file)],
                   input="".join(t + "\n" for t in texts), capture_output=True, text=True, check=True,
                   env=TOOL_ENV)
    want = [json.loads(l) for l in audit_file.read_text().splitlines()]
    records = []
    engine = agentpol.Engine(agentpol.load(billing_bundle), audit=records.append)
    for c in cases:
        engine.decide(c.dict if c.dict is not None else c.text)
    assert len(records) == len(cases) == len(want)
    assert records == want


class SinkDown(Exception):
    pass


def failing_sink(seen):
    def audit(rec):
        seen.append(rec)
        raise SinkDown("audit log unavailable")
    return audit


def test_raising_audit_raises_from_decide(billing_bundle, billing_request):
    seen = []
    engine = agentpol.Engine(agentpol.load(billing_bundle), audit=failing_sink(seen))
    for request in (billing_request, json.dumps(billing_request), json.dumps(billing_request).encode()):
        with pytest.raises(SinkDown, match="audit log unavailable"):
            engine.decide(request)
    # The callable saw the real decision's record before it failed.
    assert [r["decision"] for r in seen] == ["allow"] * 3
    with pytest.raises(SinkDown):
        engine.decide_many([billing_request, billing_request])
    assert len(seen) == 4   # decide_many stops at the first failure
    # A working sink again: decisions again.
    engine.audit = None
    assert engine.decide(billing_request).reason == "permitted"
    engine.audit = seen.append
    assert engine.decide(billing_request).reason == "permitted" and seen[-1]["reason"] == "permitted"


def test_raising_audit_on_a_bad_request_and_on_deny(billing_bundle, billing_request):
    engine = agentpol.Engine(agentpol.load(billing_bundle), audit=failing_sink([]))
    with pytest.raises(SinkDown):
        engine.decide({"now": 5})
    engine.revoke("billing_assist_07")
    with pytest.raises(SinkDown):
        engine.decide(billing_request)


def test_guard_with_raising_audit_does_not_run_the_function(billing_bundle, billing_request):
    engine = agentpol.Engine(agentpol.load(billing_bundle), audit=failing_sink([]))
    ran = []
    r = billing_request

    @agentpol.guard(engine, "refund", agent=r["agent"], user=r["user"], context=r["context"], now=r["now"])
    def refund(order, amount, reason):
        ran.append(1)

    with pytest.raises(SinkDown):
        refund(r["args"]["order"], r["args"]["amount"], r["args"]["reason"])
    assert ran == []


def test_base_exceptions_propagate_too(billing_bundle, billing_request):
    def audit(rec):
        raise KeyboardInterrupt

    engine = agentpol.Engine(agentpol.load(billing_bundle), audit=audit)
    with pytest.raises(KeyboardInterrupt):
        engine.decide(billing_request)


def test_audit_must_be_callable(billing_bundle):
    with pytest.raises(TypeError):
        agentpol.Engine(agentpol.load(billing_bundle), audit=5)
