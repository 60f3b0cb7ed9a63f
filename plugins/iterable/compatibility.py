"""How this destination deliberately differs from Segment's (``compatibility.md`` beside this file).

It is shown on the destination's reference page and in docs/compatibility.md; a test keeps the two
identical.
"""

from importlib.resources import files

COMPATIBILITY = files(__package__).joinpath("compatibility.md").read_text(encoding="utf-8")
