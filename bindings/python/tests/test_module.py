"""The module itself: what it links (the runtime and the request reader only,
with simdjson; no compiler, Z3, ANTLR, LLVM or fmt), loading and LoadError, the Decision
type, docstrings and the type stubs, and that decisions release the GIL."""
import ast
import json
import pathlib
import subprocess
import sys
import threading
import time

import pytest

import agentpol
from agentpol import _agentpol
from conftest import TOOL_ENV, build_bundle


def test_links_only_the_cxx_runtime_and_simdjson():
    libs = subprocess.run(["ldd", _agentpol.__file__], capture_output=True, text=True, check=True,
                          env=TOOL_ENV).stdout
    names = {l.split()[0] for l in libs.splitlines() if l.strip()}
    allowed = ("linux-vdso", "libstdc++", "libm.", "libgcc_s", "libc.", "/lib64/ld-linux", "ld-linux",
               "libsimdjson")
    assert all(n.startswith(allowed) for n in names), names
    symbols = subprocess.run(["nm", "-C", _agentpol.__file__], capture_output=True, text=True, env=TOOL_ENV).stdout
    for foreign in ("llvm::", "fmt::", "Z3_", "antlr4::"):
        assert foreign not in symbols


def test_load_and_load_error(billing_bundle, tmp_path):
    b = agentpol.load(billing_bundle)
    assert agentpol.load(pathlib.Path(billing_bundle)).hash == b.hash
    assert b.namespace == "billing" and b.actions == ("refund", "read_invoice", "payout")
    assert len(b.hash) == 64 and isinstance(b.schema_hash, int)
    data = pathlib.Path(billing_bundle).read_bytes()
    assert agentpol.load_bytes(data).hash == b.hash
    with pytest.raises(agentpol.LoadError) as e:
        agentpol.load(tmp_path / "missing.apb")
    assert e.value.message
    for corrupt in (b"", b"APB", data[:-1], data[:40] + bytes([data[40] ^ 1]) + data[41:]):
        with pytest.raises(agentpol.LoadError):
            agentpol.load_bytes(corrupt)
    with pytest.raises(TypeError):
        agentpol.load_bytes("not bytes")


def test_decision_type(engine, billing_request):
    d = engine.decide(billing_request)
    assert (d.decision, d.reason, d.rules, d.message) == ("allow", "permitted", ("small-refunds", "user-refund"), "")
    assert bool(d) is True
    assert repr(d) == "Decision(decision='allow', reason='permitted', rules=('small-refunds', 'user-refund'))"
    assert d.to_dict() == {"decision": "allow", "reason": "permitted", "rules": ["small-refunds", "user-refund"]}
    assert d == engine.decide(json.dumps(billing_request)) and hash(d) == hash(engine.decide(billing_request))
    with pytest.raises(AttributeError):
        d.decision = "deny"
    bad = engine.decide({"now": "x"})
    assert not bad and bad != d and bad.to_dict()["message"] == bad.message
    assert "message=" in repr(bad)
    billing_request["args"]["amount"] = "60.00 EUR"
    esc = engine.decide(billing_request)
    assert esc.decision == "escalate" and not esc


def test_everything_public_has_a_docstring():
    for name in agentpol.__all__:
        obj = getattr(agentpol, name)
        assert obj.__doc__, name
    for cls in (agentpol.Engine, agentpol.Decision, agentpol.Bundle):
        for attr, member in vars(cls).items():
            if not attr.startswith("_"):
                assert member.__doc__, cls.__name__ + "." + attr


def test_stubs_match_the_module():
    stub = ast.parse((pathlib.Path(agentpol.__file__).parent / "__init__.pyi").read_text())
    names = set()
    for node in stub.body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)) and not node.name.startswith("_"):
            names.add(node.name)
            assert hasattr(agentpol, node.name), node.name
            if isinstance(node, ast.ClassDef):
                for member in node.body:
                    if isinstance(member, ast.FunctionDef) and not member.name.startswith("__"):
                        assert hasattr(getattr(agentpol, node.name), member.name), node.name + "." + member.name
                    if isinstance(member, ast.AnnAssign):
                        assert hasattr(getattr(agentpol, node.name), member.target.id) or node.name in (
                            "Denied", "NeedsApproval", "LoadError"), member.target.id
    assert set(agentpol.__all__) <= names | {"Request"}


def gil_released_during(fn):
    """Counts how often the main thread ran while `fn` ran in another thread.
    The switch interval is made huge so a thread holding the GIL keeps it
    until it blocks or releases it: 0 means fn never released the GIL."""
    old = sys.getswitchinterval()
    sys.setswitchinterval(1000)
    state = {"done": False}
    count = 0

    def run():
        fn()
        state["done"] = True

    try:
        t = threading.Thread(target=run)
        t.start()
        while not state["done"]:
            count += 1
            time.sleep(0)
        t.join()
    finally:
        sys.setswitchinterval(old)
    return count


# Set operations are linear merges (canonical sets), so the decision is made
# slow by many rules that must all run: 300 permits, each comparing two sets
# of 5000 strings both ways, about 3 million string comparisons.
SLOW_POLICY = """namespace gil;
entity Agent {}
action compare() { have: Set<String>, want: Set<String> }
""" + "".join('@id("same-%d") permit agent * to compare when have.containsAll(want) && want.containsAll(have);\n' % i
              for i in range(300))


def test_decisions_release_the_gil(tmp_path):
    # 300 rules over two sets of 5000 strings: milliseconds inside the VM.
    (tmp_path / "gil.agentpol").write_text(SLOW_POLICY)
    engine = agentpol.Engine(agentpol.load(build_bundle(tmp_path / "gil.agentpol", tmp_path / "gil.apb")))
    tags = ["t%d" % i for i in range(5000)]
    request = {"now": "2026-01-01", "agent": {"id": "a"}, "action": "compare",
               "args": {"have": tags, "want": tags[::-1]}}
    text = json.dumps(request)
    assert engine.decide(request).reason == "permitted"
    assert gil_released_during(lambda: engine.decide(text)) > 0
    assert gil_released_during(lambda: engine.decide(text.encode())) > 0
    assert gil_released_during(lambda: engine.decide(request)) > 0
    assert gil_released_during(lambda: engine.decide_many([request, text])) > 0
    # The check can fail: a call that keeps the GIL is seen as such.
    assert gil_released_during(lambda: [json.loads(text) for _ in range(20)]) == 0
