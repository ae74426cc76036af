"""agentpol: decide whether an agent may act, inside your Python process.

    import agentpol
    bundle = agentpol.load("billing.apb")          # LoadError if invalid
    engine = agentpol.Engine(bundle, audit=print)  # audit: one dict per decision
    d = engine.decide(request)                     # dict (spec section 8) or JSON str/bytes
    d.decision, d.reason, d.rules, d.message       # "allow", "permitted", ("small-refunds",), ""
    bool(d)                                        # True only for allow

A request that does not fit the policy's schema is a deny/bad_request
decision, never an exception; only a request of another Python type raises
TypeError. Decisions release the GIL; one Engine serves many threads.
See docs/python.md.
"""
import os as _os

from ._agentpol import Bundle, Decision, Engine
from ._guard import Denied, NeedsApproval, guard
from . import _agentpol

__all__ = ["Bundle", "Decision", "Engine", "LoadError", "load", "load_bytes", "guard", "Denied",
           "NeedsApproval"]


class LoadError(Exception):
    """A bundle that cannot be loaded: unreadable, corrupt or not a bundle.

    `message` says why (the runtime's loader checks everything before use).
    """

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def load(path):
    """Loads and validates the bundle file at `path` (str or os.PathLike).

    Raises LoadError(message) when the file cannot be read or is not a valid
    bundle; a bundle that loads is safe to evaluate.
    """
    bundle, error = _agentpol.load_file(_os.fsdecode(_os.fspath(path)))
    if bundle is None:
        raise LoadError(error)
    return bundle


def load_bytes(data):
    """Loads and validates a bundle from its bytes; LoadError when invalid."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError("load_bytes takes the bundle's bytes, not " + type(data).__name__)
    bundle, error = _agentpol.load_bytes(bytes(data))
    if bundle is None:
        raise LoadError(error)
    return bundle
