"""Subscriptions: Segment's FQL subset, which decides the events an action receives.

Usage::

    from actions_core.subscriptions import compile_fql

    subscription = compile_fql('type = "track" and event = "Order Completed"')
    subscription.matches({"type": "track", "event": "Order Completed"})   # True
    subscription.describe()      # 'AND(type = "track", event = "Order Completed")'
    subscription.warnings        # () — or the traps found, each with a position and advice

Well-formed expressions mean exactly what they mean in Segment's engine, quirks included; where
Segment's engine fails, :func:`compile_fql` raises :class:`~actions_core.errors.FQLSyntaxError`.
"""

from .subscription import Subscription, compile_fql
from .warnings import FQLWarning

__all__ = ["FQLWarning", "Subscription", "compile_fql"]
