"""Insider Cloud Mode (Actions): users, their attributes and their events sent to Insider's UCD API.

The destination itself is :data:`actions_insider.destination.destination`; ``plugin.py`` registers it.
"""
