"""Shared fixtures of the agentpol Python tests: the test suites of the
repository (conformance, examples, semantics) with their policies built into
bundles by agentpolc, and `agentpolc eval` as the reference every Python
decision is compared with. ctest sets AGENTPOLC, AGENTPOL_SOURCE_DIR and
AGENTPOL_SHARED_DIR (bindings/python/tests/CMakeLists.txt)."""
import json
import os
import pathlib
import subprocess

import pytest

import agentpol

AGENTPOLC = os.environ["AGENTPOLC"]
SOURCE = pathlib.Path(os.environ["AGENTPOL_SOURCE_DIR"])
SHARED = pathlib.Path(os.environ["AGENTPOL_SHARED_DIR"])
# The environment for programs that are not this interpreter (agentpolc,
# cmake, ldd, nm): without the sanitizer runtime that a sanitizer build
# preloads into Python (bindings/python/tests/CMakeLists.txt), which an
# ASan-built agentpolc must not get twice and ldd would list.
TOOL_ENV = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD"}


def suites():
    """name -> (policy folder, cases file) for every suite of test cases."""
    out = {"conformance/billing": (SHARED / "conformance" / "billing",
                                   SHARED / "conformance" / "billing" / "cases.json")}
    for d in sorted((SOURCE / "examples").iterdir()):
        for cases in sorted((d / "tests").glob("*.json")) if (d / "tests").is_dir() else []:
            out["examples/%s/%s" % (d.name, cases.name)] = (d, cases)
    for d in sorted((SOURCE / "tests" / "semantics").iterdir()):
        if (d / "cases.json").is_file():
            out["semantics/" + d.name] = (d, d / "cases.json")
    return out


class Pairs(list):
    """A JSON object as its (key, value) pairs, duplicates kept."""


def load_pairs(text):
    return json.loads(text, object_pairs_hook=Pairs)


def to_json(v):
    """JSON text of a value read by load_pairs (duplicate keys written again)."""
    if isinstance(v, Pairs):
        return "{" + ",".join(json.dumps(k) + ":" + to_json(x) for k, x in v) + "}"
    if isinstance(v, list):
        return "[" + ",".join(to_json(x) for x in v) + "]"
    return json.dumps(v)


def has_duplicate_keys(v):
    if isinstance(v, Pairs):
        keys = [k for k, _ in v]
        return len(set(keys)) != len(keys) or any(has_duplicate_keys(x) for _, x in v)
    if isinstance(v, list):
        return any(has_duplicate_keys(x) for x in v)
    return False


def to_plain(v):
    if isinstance(v, Pairs):
        return {k: to_plain(x) for k, x in v}
    if isinstance(v, list):
        return [to_plain(x) for x in v]
    return v


class Case:
    """One test case: its JSON text, its dict (None when the request has a
    duplicate key, which a dict cannot hold), expectations and revocations."""

    def __init__(self, suite, raw):
        self.suite = suite
        self.name = dict(raw)["name"]
        fields = dict(raw)
        self.text = to_json(fields["request"])
        self.dict = None if has_duplicate_keys(fields["request"]) else to_plain(fields["request"])
        self.expect = fields["expect"]
        self.reason = fields.get("reason")
        self.rules = fields.get("rules")
        self.revoke = tuple(fields.get("revoke", ()))


def read_cases(suite, path):
    return [Case(suite, raw) for raw in load_pairs(path.read_text())]


def build_bundle(policy_dir, out):
    subprocess.run([AGENTPOLC, "build", str(policy_dir), "-o", str(out)], check=True, capture_output=True,
                   env=TOOL_ENV)
    return out


def eval_texts(bundle, texts, revoke=()):
    """agentpolc eval's decision for each JSON text (one JSON Lines run)."""
    args = [AGENTPOLC, "eval", str(bundle), "--request", "-"]
    for a in revoke:
        args += ["--revoke", a]
    run = subprocess.run(args, input="".join(t + "\n" for t in texts), capture_output=True, text=True,
                         env=TOOL_ENV)
    lines = run.stdout.splitlines()
    assert len(lines) == len(texts), run.stderr
    return [json.loads(l) for l in lines]


@pytest.fixture(scope="session")
def bundle_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("bundles")


@pytest.fixture(scope="session")
def billing_bundle(bundle_dir):
    return build_bundle(SOURCE / "examples" / "billing", bundle_dir / "billing.apb")


@pytest.fixture
def billing_request():
    return json.loads((SOURCE / "examples" / "billing" / "request.json").read_text())


@pytest.fixture
def engine(billing_bundle):
    return agentpol.Engine(agentpol.load(billing_bundle))
