"""Iterable (Actions): users, custom events, carts and purchases sent to Iterable's API.

Registered through the ``actions`` entry point as ``iterable`` (slug ``actions-iterable``); the
definition lives in :mod:`actions_iterable.destination`.
"""
