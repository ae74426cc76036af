"""examples/python/agent_loop.py runs against the billing bundle: the loop's
outcomes are the expected ones (ran, needs approval, denied by forbid, denied
as a bad request, the kill switch) and every tool call printed its audit
record with the decision that the outcome shows."""
import json
import os
import subprocess
import sys

from conftest import SOURCE

EXPECTED = """\
refund(order=o-1, amount=32.00 EUR, reason=late delivery)
  -> refunded 32.00 EUR on order o-1 (late delivery)
refund(order=o-1, amount=60.00 EUR, reason=damaged)
  -> needs a human's approval (large-refunds-to-human)
refund(order=o-1, amount=95.00 EUR, reason=wrong size)
  -> denied: forbidden
payout(account=acc-9, amount=20.00 EUR)
  -> denied: forbidden
refund(order=o-1, amount=thirty euros, reason=the model made this up)
  -> denied: bad_request (args.amount: invalid Money in EUR "thirty euros": expected an amount and a currency such as "32.00 EUR")
(now acting for billing admin 77, who asked for a payout)
payout(account=acc-9, amount=20.00 EUR)
  -> paid 20.00 EUR to account acc-9
(billing_assist_07 revoked)
refund(order=o-1, amount=32.00 EUR, reason=late delivery)
  -> denied: revoked
"""


def test_agent_loop(billing_bundle):
    run = subprocess.run([sys.executable, str(SOURCE / "examples" / "python" / "agent_loop.py"),
                          str(billing_bundle)], capture_output=True, text=True, check=True, env=os.environ)
    lines = run.stdout.splitlines()
    audits = [json.loads(l.split("audit: ", 1)[1]) for l in lines if l.startswith("  audit: ")]
    assert "\n".join(l for l in lines if not l.startswith("  audit: ")) + "\n" == EXPECTED
    assert [(a["action"], a["decision"], a["reason"]) for a in audits] == [
        ("refund", "allow", "permitted"), ("refund", "escalate", "escalated"), ("refund", "deny", "forbidden"),
        ("payout", "deny", "forbidden"), ("refund", "deny", "bad_request"), ("payout", "allow", "permitted"),
        ("refund", "deny", "revoked")]
