"""agentpol.guard on the billing policy: allow runs the function, escalate
raises NeedsApproval, deny raises Denied (bad requests too), with the Decision
on the exception; parameters become the request's args; user / context /
entities / now are evaluated at every call; async functions too."""
import asyncio
import datetime

import pytest

import agentpol

NOW = "2026-11-28T14:03:00Z"
TOKEN = {"issued_at": "2026-11-28T14:00:00Z", "expires_at": "2026-11-28T14:10:00Z", "scopes": []}
CUSTOMER = {"id": "4821", "attrs": {"roles": [], "refund_limit": "100.00 EUR", "region": "EU"}}


@pytest.fixture
def refund(engine):
    calls = []

    @agentpol.guard(engine, action="refund", agent="billing_assist_07", user=lambda: CUSTOMER,
                    context=lambda: {"intent": "refund", "token": TOKEN}, now=lambda: NOW)
    def refund(order, amount, reason="no reason given"):
        calls.append((order["id"], amount, reason))
        return "refunded " + amount

    refund.calls = calls
    return refund


def order(total="80.00 EUR"):
    return {"id": "o-1", "attrs": {"customer": {"id": "4821"}, "total": total}}


def test_allow_runs_the_function(refund):
    assert refund(order(), "32.00 EUR", reason="late delivery") == "refunded 32.00 EUR"
    assert refund(order(), amount="10 EUR") == "refunded 10 EUR"
    assert refund.calls == [("o-1", "32.00 EUR", "late delivery"), ("o-1", "10 EUR", "no reason given")]
    assert refund.__name__ == "refund" and refund.agentpol_action == "refund"


def test_escalate_raises_needs_approval(refund):
    with pytest.raises(agentpol.NeedsApproval) as e:
        refund(order(), "60.00 EUR", "late delivery")
    assert (e.value.decision.decision, e.value.decision.reason) == ("escalate", "escalated")
    assert e.value.decision.rules == ("large-refunds-to-human",)
    assert e.value.request["args"]["amount"] == "60.00 EUR"
    assert refund.calls == []


def test_deny_raises_denied(refund):
    with pytest.raises(agentpol.Denied) as e:
        refund(order(total="20.00 EUR"), "30.00 EUR", "late delivery")
    assert (e.value.decision.reason, e.value.decision.rules) == ("forbidden", ("no-refund-above-order-total",))
    assert not e.value.decision
    assert refund.calls == []


def test_a_bad_request_is_denied_not_an_exception_of_its_own(refund):
    with pytest.raises(agentpol.Denied) as e:
        refund(order(), 32, "late delivery")
    assert e.value.decision.reason == "bad_request"
    assert e.value.decision.message == "args.amount: expected Money in EUR, got 32"
    assert "bad_request" in str(e.value)


def test_revoked_agent_is_denied(engine, refund):
    engine.revoke("billing_assist_07")
    with pytest.raises(agentpol.Denied) as e:
        refund(order(), "32.00 EUR", "late delivery")
    assert e.value.decision.reason == "revoked"
    engine.unrevoke("billing_assist_07")
    assert refund(order(), "32.00 EUR", "late delivery")


def test_user_and_clock_are_evaluated_at_each_call(engine):
    state = {"user": None, "now": datetime.datetime(2026, 11, 28, 15, 3, tzinfo=datetime.timezone(
        datetime.timedelta(hours=1)))}

    @agentpol.guard(engine, "read_invoice", agent=lambda: {"id": "support_bot"}, user=lambda: state["user"],
                    context={"intent": "question", "token": TOKEN}, now=lambda: state["now"])
    def read_invoice(order):
        return order["id"]

    assert read_invoice(order()) == "o-1"        # no user: the agent side alone
    state["user"] = "9"                           # a user by reference, attributes unknown
    with pytest.raises(agentpol.Denied) as e:
        read_invoice(order())
    assert e.value.request["user"] == {"id": "9"}
    assert e.value.request["now"] == "2026-11-28T14:03:00Z"   # converted to UTC
    state["user"], state["now"] = None, 1795874580 + 3600    # epoch seconds: the token has expired
    with pytest.raises(agentpol.Denied) as e:
        read_invoice(order())
    assert e.value.decision.reason == "forbidden"
    state["now"] = datetime.datetime(2026, 11, 28, 14, 3)    # naive: refused, not guessed
    with pytest.raises(ValueError):
        read_invoice(order())


def test_default_clock_is_now(engine):
    @agentpol.guard(engine, "read_invoice", agent="support_bot", context={"intent": "question", "token": TOKEN})
    def read_invoice(order):
        return True

    with pytest.raises(agentpol.Denied) as e:   # the token of 2026-11-28 is not fresh today
        read_invoice(order())
    assert e.value.request["now"].endswith("Z")


def test_ignore_and_kwargs(engine):
    @agentpol.guard(engine, "payout", agent="billing_assist_07", user=CUSTOMER | {"attrs": dict(
        CUSTOMER["attrs"], roles=["billing_admin"])}, context={"intent": "payout", "token": TOKEN},
        now=NOW, ignore=("db",))
    def payout(account, db=None, **rest):
        return ("paid", rest)

    assert payout({"id": "a-1", "attrs": {"holder": {"id": "4821"}}}, db=object(),
                  amount="10.00 EUR") == ("paid", {"amount": "10.00 EUR"})


def test_star_args_are_refused(engine):
    with pytest.raises(TypeError):
        @agentpol.guard(engine, "refund", agent="billing_assist_07")
        def f(*orders):
            pass


def test_async_functions(refund, engine):
    @agentpol.guard(engine, action="refund", agent="billing_assist_07", user=CUSTOMER,
                    context={"intent": "refund", "token": TOKEN}, now=NOW)
    async def refund_async(order, amount, reason):
        return amount

    assert asyncio.run(refund_async(order(), "5 EUR", "x")) == "5 EUR"
    with pytest.raises(agentpol.NeedsApproval):
        asyncio.run(refund_async(order(), "70 EUR", "x"))
