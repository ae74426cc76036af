"""Every case of the repository's test suites (the shared billing conformance
set, examples/*/tests, tests/semantics/*) decided from Python — as a dict, as
JSON str and as JSON bytes — gives exactly what `agentpolc eval` prints for
the same JSON text (decision, reason, rules in order, message), and what the
case expects (the check `agentpolc test` makes, which must pass too)."""
import subprocess

import pytest

import agentpol
from conftest import AGENTPOLC, TOOL_ENV, build_bundle, eval_texts, read_cases, suites

SUITES = suites()


def expected_of(line):
    return (line["decision"], line["reason"], tuple(line["rules"]), line.get("message", ""))


def got_of(d):
    return (d.decision, d.reason, d.rules, d.message)


@pytest.mark.parametrize("suite", sorted(SUITES))
def test_suite_matches_agentpolc(suite, bundle_dir):
    policy, cases_path = SUITES[suite]
    bundle = build_bundle(policy, bundle_dir / (suite.replace("/", "_") + ".apb"))
    # agentpolc test accepts every case of the suite (the expectations are its).
    run = subprocess.run([AGENTPOLC, "test", str(bundle), "--tests", str(cases_path)],
                         capture_output=True, text=True, env=TOOL_ENV)
    assert run.returncode == 0, run.stdout + run.stderr

    cases = read_cases(suite, cases_path)
    assert cases, suite
    engine = agentpol.Engine(agentpol.load(bundle))
    by_revoke = {}
    for c in cases:
        by_revoke.setdefault(c.revoke, []).append(c)
    dict_cases = 0
    for revoke, group in by_revoke.items():
        reference = eval_texts(bundle, [c.text for c in group], revoke)
        for a in revoke:
            engine.revoke(a)
        try:
            for c, line in zip(group, reference):
                want = expected_of(line)
                where = "%s: %s" % (suite, c.name)
                assert got_of(engine.decide(c.text)) == want, where + " (str)"
                assert got_of(engine.decide(c.text.encode())) == want, where + " (bytes)"
                if c.dict is not None:
                    dict_cases += 1
                    assert got_of(engine.decide(c.dict)) == want, where + " (dict)"
                # ... and what the case expects, as agentpolc test checks it.
                assert want[0] == c.expect, where
                if c.reason is not None:
                    assert want[1] == c.reason, where
                if c.rules is not None:
                    assert sorted(want[2]) == sorted(c.rules), where
        finally:
            for a in revoke:
                engine.unrevoke(a)
    # A request with a duplicate key cannot be a dict; every other one was.
    assert dict_cases >= len(cases) - sum(1 for c in cases if c.dict is None)


def test_decide_many_matches_decide(billing_bundle):
    cases = read_cases("billing", suites()["examples/billing/cases.json"][1])
    engine = agentpol.Engine(agentpol.load(billing_bundle))
    requests = [c.dict if c.dict is not None else c.text for c in cases if not c.revoke]
    one_by_one = [engine.decide(r) for r in requests]
    assert engine.decide_many(requests) == one_by_one
    assert engine.decide_many(iter(requests)) == one_by_one
    assert engine.decide_many([]) == []
