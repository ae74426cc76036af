#!/usr/bin/env python3
"""A small agent loop whose two tools are guarded by the billing policy.

The "model" here is a script of tool calls (no LLM needed): each step names a
tool and its arguments, as an agent framework would hand them to a Python
function. The tools — refund() and payout() — are plain functions under
@agentpol.guard: the policy decides before each call, and the loop handles
the three outcomes (ran, needs a human, denied). Every decision's audit
record is printed as one JSON line.

    agentpolc build examples/billing -o billing.apb
    PYTHONPATH=build/bindings/python python3 examples/python/agent_loop.py billing.apb
"""
import json
import sys

import agentpol

# A fixed clock and session token, so the output is the same on every run
# (the billing agent's credentials are valid until 2027-06-30).
NOW = "2026-11-28T14:03:00Z"
TOKEN = {"issued_at": "2026-11-28T14:00:00Z", "expires_at": "2026-11-28T14:10:00Z", "scopes": []}

# Who the agent is acting for in the current conversation, and what they asked for.
session = {
    "user": {"id": "4821", "attrs": {"roles": [], "refund_limit": "100.00 EUR", "region": "EU"}},
    "intent": "refund",
}


def audit(record):
    # In production: append to a durable log; raising here makes the call fail closed.
    print("  audit:", json.dumps(record, sort_keys=True))


engine = agentpol.Engine(agentpol.load(sys.argv[1] if len(sys.argv) > 1 else "billing.apb"), audit=audit)
guarded = dict(engine=engine, agent="billing_assist_07", user=lambda: session["user"],
               context=lambda: {"intent": session["intent"], "token": TOKEN}, now=lambda: NOW)


@agentpol.guard(action="refund", **guarded)
def refund(order, amount, reason):
    return "refunded %s on order %s (%s)" % (amount, order["id"], reason)


@agentpol.guard(action="payout", **guarded)
def payout(account, amount):
    return "paid %s to account %s" % (amount, account["id"])


TOOLS = {"refund": refund, "payout": payout}
ORDER = {"id": "o-1", "attrs": {"customer": {"id": "4821"}, "total": "80.00 EUR"}}
ACCOUNT = {"id": "acc-9", "attrs": {"holder": {"id": "4821"}}}

# What the model decided to do, step by step.
PLAN = [
    ("refund", {"order": ORDER, "amount": "32.00 EUR", "reason": "late delivery"}),
    ("refund", {"order": ORDER, "amount": "60.00 EUR", "reason": "damaged"}),
    ("refund", {"order": ORDER, "amount": "95.00 EUR", "reason": "wrong size"}),
    ("payout", {"account": ACCOUNT, "amount": "20.00 EUR"}),
    ("refund", {"order": ORDER, "amount": "thirty euros", "reason": "the model made this up"}),
]


def run(plan):
    for tool, args in plan:
        print("%s(%s)" % (tool, ", ".join("%s=%s" % (k, v["id"] if isinstance(v, dict) else v)
                                          for k, v in args.items())))
        try:
            result = TOOLS[tool](**args)
            print("  ->", result)
        except agentpol.NeedsApproval as e:
            print("  -> needs a human's approval (%s)" % ", ".join(e.decision.rules))
        except agentpol.Denied as e:
            d = e.decision
            print("  -> denied: %s%s" % (d.reason, " (%s)" % d.message if d.message else ""))


run(PLAN)
# A new conversation: a billing admin who asked for a payout.
session["user"] = {"id": "77", "attrs": {"roles": ["billing_admin"], "refund_limit": "0.00 EUR", "region": "EU"}}
session["intent"] = "payout"
print("(now acting for billing admin 77, who asked for a payout)")
run(PLAN[3:4])
engine.revoke("billing_assist_07")   # the kill switch, e.g. from an incident runbook
print("(billing_assist_07 revoked)")
run(PLAN[:1])
