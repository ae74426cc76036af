"""Hostile and malformed requests from Python: every one is a deny/bad_request
decision with a message (the same message `agentpolc eval` gives for the same
JSON text whenever the value has a JSON form), never an exception or a crash;
only a request of another Python type raises TypeError."""
import collections
import copy
import datetime
import enum
import json

import pytest

import agentpol
from conftest import eval_texts


@pytest.fixture
def base(billing_request):
    return copy.deepcopy(billing_request)


def bad(d):
    assert (d.decision, d.reason, d.rules) == ("deny", "bad_request", ()), d
    assert d.message
    return d.message


def check_like_eval(engine, bundle, request):
    """bad_request from the dict, with eval's message for json.dumps(request)."""
    got = bad(engine.decide(request))
    line = eval_texts(bundle, [json.dumps(request)])[0]
    assert line["reason"] == "bad_request"
    assert got == line["message"]
    # and the JSON text from Python says the same
    assert engine.decide(json.dumps(request)).message == got
    return got


def mutate(base, path, value):
    d = base
    for k in path[:-1]:
        d = d[k]
    if value is KeyError:
        del d[path[-1]]
    else:
        d[path[-1]] = value
    return base


JSON_CASES = {
    "now an int": (("now",), 5),
    "now null": (("now",), None),
    "now missing": (("now",), KeyError),
    "now malformed": (("now",), "2026-13-01T00:00:00Z"),
    "now without offset": (("now",), "2026-12-01T09:00:00"),
    "agent a list": (("agent",), []),
    "agent id an int": (("agent", "id"), 7),
    "agent id empty": (("agent", "id"), ""),
    "agent unknown field": (("agent", "name"), "x"),
    "action an int": (("action",), 5),
    "action unknown": (("action",), "delete_everything"),
    "action missing": (("action",), KeyError),
    "args a string": (("args",), "x"),
    "args a list": (("args",), [1, 2]),
    "amount an int": (("args", "amount"), 5),
    "amount a float": (("args", "amount"), 32.0),
    "amount another currency": (("args", "amount"), "5.00 USD"),
    "amount too precise": (("args", "amount"), "1.234 EUR"),
    "amount null": (("args", "amount"), None),
    "amount missing": (("args", "amount"), KeyError),
    "unknown argument": (("args", "tip"), "1.00 EUR"),
    "order a string": (("args", "order"), "o-1"),
    "order id a float": (("args", "order", "id"), 1.5),
    "order unknown attribute": (("args", "order", "attrs", "weight"), 3),
    "order total a bool": (("args", "order", "attrs", "total"), True),
    "order of another type": (("args", "order", "type"), "User"),
    "user roles a string": (("user", "attrs", "roles"), "customer"),
    "user roles of ints": (("user", "attrs", "roles"), [1, 2, 3]),
    "user roles nested": (("user", "attrs", "roles"), [["a"], {"b": 1}]),
    "unknown enum": (("context", "intent"), "refnd"),
    "enum an int": (("context", "intent"), 1),
    "context unknown field": (("context", "mood"), "happy"),
    "token not an object": (("context", "token"), [1]),
    "token time malformed": (("context", "token", "issued_at"), "yesterday"),
    "unknown top-level field": (("extra",), {"a": [1, {"b": None}]}),
    "entities an object": (("entities",), {}),
    "entities of garbage": (("entities",), [1, "x", None, [], {}]),
    "entity of an unknown type": (("entities",), [{"type": "Robot", "id": "r"}]),
    "int beyond int64": (("args", "order", "attrs", "total"), 2 ** 63),
    "negative int beyond int64": (("args", "order", "attrs", "total"), -2 ** 63 - 1),
    "huge int": (("args", "amount"), 2 ** 200),
    "conflicting entity": (("entities",), [{"type": "User", "id": "4821",
                                             "attrs": {"roles": [], "refund_limit": "1.00 EUR",
                                                       "region": "EU"}}]),
}


@pytest.mark.parametrize("name", sorted(JSON_CASES))
def test_json_expressible_bad_requests_say_what_eval_says(name, base, engine, billing_bundle):
    path, value = JSON_CASES[name]
    check_like_eval(engine, billing_bundle, mutate(base, path, value))


def test_bool_is_not_an_int(base, engine, billing_bundle):
    # bool is a subclass of int in Python; a JSON true is not an Int.
    base["user"]["attrs"]["refund_limit"] = False
    check_like_eval(engine, billing_bundle, base)


def test_huge_sets(base, engine, billing_bundle):
    base["user"]["attrs"]["roles"] = ["r%d" % i for i in range(200000)]
    d = engine.decide(base)
    assert (d.decision, d.reason) == ("allow", "permitted")
    base["user"]["attrs"]["roles"].append(5)
    check_like_eval(engine, billing_bundle, base)


def test_too_many_entities(base, engine, billing_bundle):
    base["entities"] = [{"type": "Order", "id": "o%d" % i, "attrs": {"customer": {"id": "4821"},
                                                                    "total": "1.00 EUR"}}
                        for i in range(5000)]
    assert "more than 1024 entities" in check_like_eval(engine, billing_bundle, base)


def test_deep_nesting(base, engine):
    deep = []
    for _ in range(100000):
        deep = [deep]
    base["user"]["attrs"]["roles"] = deep
    bad(engine.decide(base))
    deep = {}
    for _ in range(100000):
        deep = {"a": deep}
    base["extra"] = deep
    bad(engine.decide(base))


def test_cycles(base, engine):
    base["args"]["self"] = base["args"]
    bad(engine.decide(base))
    del base["args"]["self"]
    loop = []
    loop.append(loop)
    base["user"]["attrs"]["roles"] = loop
    bad(engine.decide(base))
    top = {}
    top["now"] = top
    bad(engine.decide(top))


@pytest.mark.parametrize("key", [1, None, 2.5, ("a",), b"amount", True, frozenset()])
def test_non_string_keys(base, engine, key):
    base["args"][key] = "x"
    assert "key" in bad(engine.decide(base))
    del base["args"][key]
    base[key] = 1
    assert "key" in bad(engine.decide(base))


@pytest.mark.parametrize("value", [
    b"32.00 EUR", bytearray(b"x"), datetime.datetime(2026, 1, 1), object(), float("nan"),
    float("inf"), -float("inf"), 1j, {1, 2}, range(3), type, print, Ellipsis,
])
def test_values_without_a_json_form(base, engine, value):
    base["args"]["amount"] = value
    bad(engine.decide(base))
    base["args"]["amount"] = "1.00 EUR"
    base["user"]["attrs"]["roles"] = [value]
    bad(engine.decide(base))


def test_surrogates(base, engine):
    base["args"]["reason"] = "\ud800"
    bad(engine.decide(base))
    base["args"]["reason"] = "ok"
    base["\udfff"] = 1
    bad(engine.decide(base))
    bad(engine.decide('{"now": "\ud800"}'))


def test_unreadable_text_is_a_bad_request(engine):
    for text in ["", "{", "[]", "5", "null", '"x"', "{\"now\": 1e999}", "\xff", b"\xff\xfe", b"{\"a\":",
                 "[" * 100000, '{"now": "x"} trailing']:
        bad(engine.decide(text))


def test_subclasses_and_other_mappings(base, engine):
    class D(dict):
        def __getitem__(self, k):
            raise AssertionError("the reader must not call Python code")

    class S(str):
        def __eq__(self, other):
            raise AssertionError("the reader must not call Python code")
        __hash__ = str.__hash__

    class Color(enum.IntEnum):
        RED = 1

    ok = engine.decide(D(base))
    assert ok.reason == "permitted"
    base["args"]["reason"] = S("late")
    assert engine.decide(base).reason == "permitted"
    assert engine.decide(collections.OrderedDict(base)).reason == "permitted"
    base["args"]["order"]["attrs"]["total"] = Color.RED
    bad(engine.decide(base))


@pytest.mark.parametrize("request_", [5, None, [], ["{}"], bytearray(b"{}"), 1.5, object()])
def test_wrong_python_type_raises_type_error(engine, request_):
    with pytest.raises(TypeError):
        engine.decide(request_)
    with pytest.raises(TypeError):
        engine.decide_many([request_])


def test_decide_many_wants_an_iterable_of_requests(engine, base):
    for one in (base, json.dumps(base), b"{}"):
        with pytest.raises(TypeError):
            engine.decide_many(one)
    with pytest.raises(TypeError):
        engine.decide_many(5)


def test_a_bad_request_is_audited(base, billing_bundle):
    records = []
    engine = agentpol.Engine(agentpol.load(billing_bundle), audit=records.append)
    base["args"]["amount"] = 5
    d = engine.decide(base)
    assert records[-1]["reason"] == "bad_request"
    assert records[-1]["message"] == d.message
    assert records[-1]["agent"] == "billing_assist_07"


def paths(v, prefix=()):
    """Every (path, container) place in a request, for mutations."""
    yield prefix
    if isinstance(v, dict):
        for k, x in v.items():
            yield from paths(x, prefix + (k,))
    elif isinstance(v, list):
        for i, x in enumerate(v):
            yield from paths(x, prefix + (i,))


POOL = [None, True, False, 0, -1, 5, 2 ** 63 - 1, 2 ** 63, 2 ** 64, -2 ** 63, 5.0, 1e300, -0.5, "", "x",
        "32.00 EUR", "-4.10 EUR", "5 USD", "1.234 EUR", "2026-11-28", "2026-11-28T14:03:00+01:00",
        "2026-02-29", "15m", "refund", "payout", "customer", "4821", "o-1", [], [1], ["a", "a"], [[]],
        {}, {"id": "4821"}, {"id": "o-2", "attrs": {}}, {"id": 5}, {"attrs": None}, {"type": "User", "id": "9"},
        {"a": {"b": {"c": [None]}}}, "é\u00e9✓", "\u0000"]


def test_random_mutations_say_what_eval_says(base, engine, billing_bundle):
    """400 seeded mutations of the billing request (a value replaced by one of
    the pool, a member removed or added): the dict's decision equals eval's
    for json.dumps of it, every field, bad_request or not."""
    import random
    rng = random.Random(15)
    requests = []
    for _ in range(400):
        r = copy.deepcopy(base)
        places = list(paths(r))[1:]
        path = rng.choice(places)
        parent = r
        for k in path[:-1]:
            parent = parent[k]
        op = rng.random()
        if op < 0.7:
            parent[path[-1]] = copy.deepcopy(rng.choice(POOL))
        elif op < 0.85 and isinstance(parent, dict):
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[rng.choice(["extra", "attrs", "id", "type", "amount", "token", "user"])] = copy.deepcopy(
                rng.choice(POOL))
        requests.append(r)
    reference = eval_texts(billing_bundle, [json.dumps(r) for r in requests])
    kinds = set()
    for r, line in zip(requests, reference):
        d = engine.decide(r)
        kinds.add(d.reason)
        assert (d.decision, d.reason, list(d.rules), d.message) == (
            line["decision"], line["reason"], line["rules"], line.get("message", "")), json.dumps(r)
    assert "bad_request" in kinds and len(kinds) > 3
