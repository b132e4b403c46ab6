"""Per-request memory: a value worked out once while a request is answered, forgotten after it.

Several parts of one page ask the same question (the restricted sections for each listing, a
user's groups for each item). ``remember(key, compute)`` answers it once per request. Outside a
request (a command, a test calling a function directly) nothing is kept and each call computes,
so no stale answer outlives the request that asked it.

The memory starts and ends with Django's ``request_started`` and ``request_finished`` signals,
connected by ``home.signals.register_signal_handlers``. It lives in an ``asgiref.local.Local``,
which keeps each thread's (and each asyncio task's) requests apart.
"""

from asgiref.local import Local

_state = Local()


def begin_request(**kwargs):
    _state.values = {}


def end_request(**kwargs):
    _state.values = None


def remember(key, compute):
    """``compute()`` once per request for ``key``; outside a request, every time."""
    values = getattr(_state, "values", None)
    if values is None:
        return compute()
    if key not in values:
        values[key] = compute()
    return values[key]


def forget(key):
    """Drop one remembered value (after a change within the request that alters the answer)."""
    values = getattr(_state, "values", None)
    if values:
        values.pop(key, None)
