"""agentpol.guard: decide before a tool function runs (spec section 14).

The decorated function's parameters become the request's `args`; `agent`,
`user`, `context`, `entities` and `now` are values or callables evaluated at
each call. allow: the function runs; escalate: NeedsApproval; deny (bad
requests and audit_failed included): Denied. Both exceptions carry the
Decision as `.decision` and the request as `.request`.
"""
import datetime
import functools
import inspect

__all__ = ["guard", "Denied", "NeedsApproval"]


class _Refused(Exception):
    def __init__(self, decision, request):
        text = "%s: %s" % (decision.decision, decision.reason)
        if decision.message:
            text += " (" + decision.message + ")"
        if decision.rules:
            text += " by " + ", ".join(decision.rules)
        super().__init__(text)
        self.decision = decision
        self.request = request


class Denied(_Refused):
    """The policy denied the call (or the request was bad, or the audit failed)."""


class NeedsApproval(_Refused):
    """The policy escalated the call: a human must approve it first."""


def _now_text(clock):
    """The request's `now` from the clock: RFC 3339 text (UTC)."""
    t = clock() if callable(clock) else clock
    if t is None:
        t = datetime.datetime.now(datetime.timezone.utc)
    if isinstance(t, str):
        return t
    if isinstance(t, (int, float)) and not isinstance(t, bool):
        t = datetime.datetime.fromtimestamp(t, datetime.timezone.utc)
    if isinstance(t, datetime.datetime):
        if t.tzinfo is None:
            raise ValueError("agentpol.guard: the clock gave a naive datetime; give it a time zone")
        return t.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    # Anything else goes into the request as it is: the engine decides it bad_request.
    return t


def _entity(value):
    """An id (str) becomes {"id": id}; a dict or None stays; garbage stays too
    (the engine decides it bad_request)."""
    value = value() if callable(value) else value
    if isinstance(value, str):
        return {"id": value}
    return value


def _given(value):
    return value() if callable(value) else value


def guard(engine, action, agent, user=None, context=None, entities=None, now=None, ignore=()):
    """Decorator: decide `action` by `agent` before each call of the function.

    engine:   the agentpol.Engine that decides.
    action:   the policy action's name.
    agent:    the agent's id, {"id", "attrs"}, or a callable giving either.
    user:     None, an id, {"id", "attrs"}, or a callable giving one (None: no user).
    context:  the request's context dict, or a callable giving it.
    entities: a list of {"type", "id", "attrs"}, or a callable giving it.
    now:      the clock: None (the system clock), or a callable / value giving
              RFC 3339 text, an aware datetime or epoch seconds.
    ignore:   names of parameters that are not policy arguments (left out of args).

    The function's parameters (defaults applied; a None value means "not
    given", so an optional argument can default to None) become `args`; a
    **kwargs parameter's items join them. allow runs the function (its result
    is returned); escalate raises NeedsApproval; deny raises Denied.
    """
    ignored = frozenset(ignore)

    def decorate(fn):
        sig = inspect.signature(fn)
        for p in sig.parameters.values():
            if p.kind is inspect.Parameter.VAR_POSITIONAL:
                raise TypeError("agentpol.guard: *%s has no names to become request arguments" % p.name)

        def decide(call_args, call_kwargs):
            bound = sig.bind(*call_args, **call_kwargs)
            bound.apply_defaults()
            args = {}
            for name, value in bound.arguments.items():
                if sig.parameters[name].kind is inspect.Parameter.VAR_KEYWORD:
                    args.update((k, v) for k, v in value.items() if k not in ignored)
                elif name not in ignored:
                    args[name] = value
            request = {"now": _now_text(now), "agent": _entity(agent), "action": action, "args": args}
            u = _entity(user)
            if u is not None:
                request["user"] = u
            ctx = _given(context)
            if ctx is not None:
                request["context"] = ctx
            ents = _given(entities)
            if ents is not None:
                request["entities"] = ents
            decision = engine.decide(request)
            if decision.decision == "allow":
                return
            if decision.decision == "escalate":
                raise NeedsApproval(decision, request)
            raise Denied(decision, request)

        if inspect.iscoroutinefunction(fn):
            @functools.wraps(fn)
            async def guarded_async(*a, **kw):
                decide(a, kw)
                return await fn(*a, **kw)
            guarded = guarded_async
        else:
            @functools.wraps(fn)
            def guarded(*a, **kw):
                decide(a, kw)
                return fn(*a, **kw)
        guarded.agentpol_action = action
        return guarded

    return decorate
