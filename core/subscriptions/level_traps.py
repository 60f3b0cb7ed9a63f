"""Traps in how a parenthesis level combines its items: and/or, skipped tokens, stray ")"."""

from __future__ import annotations

from collections.abc import Iterator

from .lexer import Kind
from .nodes import Group
from .parser import FUNCTIONS, Entry, Level, Role, unusable_call_reason
from .warnings import FQLWarning, TrapFinder

__all__ = ["LevelTraps"]

_READING_LENGTH = 240  # longer "this reads as" renderings help nobody


class LevelTraps(TrapFinder):
    """Finds the traps of each level's sequence of items, conditionals and skipped tokens."""

    def warnings(self) -> Iterator[FQLWarning]:
        for level in self.result.levels:
            yield from self.closed_by_call(level)
        for level in self.result.levels:
            yield from self.conditional_warnings(level)
            yield from self.ignored_warnings(level)

    def closed_by_call(self, level: Level) -> Iterator[FQLWarning]:
        call, close, opened = level.closed_by_call, level.close, level.open_paren
        if call is None or close is None or opened is None:
            return
        following = self.result.token_after(close)
        if level.depth == 1 and following is not None and following.kind is Kind.PAREN_RIGHT:
            # "(… and contains(event, "x"))": the second ")" is ignored, as intended.
            self.claimed.add(following.start)
            return
        yield FQLWarning(
            close.start,
            f'this ")" ends both {call.name.text}( and the "(" at {opened.start}, as in Segment\'s '
            "engine, so what follows is read outside the parentheses. Put the function call last "
            "inside its parentheses, or outside them",
            "call-closes-group",
        )

    def conditional_warnings(self, level: Level) -> Iterator[FQLWarning]:
        sequence = [e for e in level.entries if e.role in (Role.ITEM, Role.CONDITIONAL)]
        conditionals = [e.token for e in sequence if e.role is Role.CONDITIONAL]
        items = [e for e in sequence if e.role is Role.ITEM]
        if len({token.text for token in conditionals}) > 1:
            overridden = next(t for t in conditionals if t.text != level.operator)
            last = conditionals[-1]
            reading = f" {level.operator} ".join(self.text(e.start, e.end) for e in items)
            reads_as = f", so this reads as: {reading}" if len(reading) <= _READING_LENGTH else ""
            yield FQLWarning(
                overridden.start,
                f'"and" and "or" are mixed without parentheses. FQL has no precedence: the last '
                f'conditional ("{last.text}" at {last.start}) combines all {len(items)} conditions '
                f"here{reads_as}. Put parentheses around the conditions that belong together",
                "mixed-conditionals",
            )
        entries = level.entries
        for index, entry in enumerate(entries):
            # Ignored neighbours get their own warning; flag only "and"/"or" next to nothing.
            before = entries[index - 1] if index else None
            after = entries[index + 1] if index + 1 < len(entries) else None
            if entry.role is not Role.CONDITIONAL:
                continue
            if before is None or before.role is Role.CONDITIONAL:
                yield self.dangling(entry, "no condition before it")
            elif after is None or after.role is Role.CONDITIONAL:
                yield self.dangling(entry, "no condition after it")
        for before, entry in zip(level.entries, level.entries[1:], strict=False):
            if before.role is Role.ITEM and entry.role is Role.ITEM:
                yield FQLWarning(
                    entry.start,
                    f'no "and"/"or" before this condition; it is combined with the others by '
                    f'"{level.operator}"',
                    "missing-conditional",
                )

    def dangling(self, entry: Entry, problem: str) -> FQLWarning:
        return FQLWarning(
            entry.start,
            f'"{entry.token.text}" has {problem}, so it joins nothing (it still decides how this '
            "level is combined if it is the last and/or here)",
            "stray-conditional",
        )

    def ignored_warnings(self, level: Level) -> Iterator[FQLWarning]:
        run: list[Entry] = []
        previous: Entry | None = None
        for entry in [*level.entries, None]:
            if entry is not None and entry.role is Role.IGNORED:
                if entry.token.start not in self.claimed:
                    run.append(entry)
                continue
            if run:
                yield self.ignored_run(level, run, previous)
                run = []
            if entry is None:
                break
            previous = entry
            if entry.role is Role.IGNORED_BANG:
                yield self.ignored_bang(entry)
            elif entry.role is Role.IGNORED_CALL and entry.call is not None:
                yield FQLWarning(
                    entry.call.field.start,
                    f"{unusable_call_reason(entry.call)}; this call is ignored",
                    "ignored-call",
                )

    def ignored_bang(self, entry: Entry) -> FQLWarning:
        following = self.result.token_after(entry.token)
        before_group = following is not None and following.kind is Kind.PAREN_LEFT
        what = "the parenthesised group" if before_group else "the condition"
        return FQLWarning(
            entry.start,
            f'"!" is honoured only directly before contains( or match(; here it is ignored, so '
            f"{what} after it is not negated. Negate the conditions themselves (e.g. != for =)",
            "ignored-negation",
        )

    def ignored_run(self, level: Level, run: list[Entry], previous: Entry | None) -> FQLWarning:
        first = run[0].token
        skipped = self.text(run[0].start, run[-1].end)
        if first.kind is Kind.IDENT and first.text.lower() in ("and", "or"):
            word = first.text.lower()
            if first.text == word:
                glued = self.expression[first.end : first.end + 1]
                reason = f'"{word}" directly followed by "{glued}" is read as a name'
                advice = f'put a space after "{word}"'
            else:
                reason = f'"{first.text}" is not a conditional (only lower-case "and"/"or" are)'
                advice = f'write "{word}"'
            return FQLWarning(
                first.start,
                f"{reason}, so it is ignored and the conditions here are combined with "
                f'"{level.operator}"; {advice}',
                "uppercase-conditional" if first.text != word else "ignored-tokens",
            )
        if first.kind is Kind.STRING and previous is not None:
            quote = first.start
            if self.expression[quote] == first.text[0] and self._closes_string(quote):
                return FQLWarning(
                    quote + 1,
                    f"the closing quote at {quote} is directly followed by "
                    f'"{self.expression[quote + 1]}", so Segment\'s engine starts a new string '
                    f"there and ignores {skipped}; put a space after the closing quote",
                    "glued-string",
                )
        after_value = (
            previous is not None
            and previous.role is Role.ITEM
            and not (previous.node is not None and isinstance(previous.node, Group))
        )
        if after_value and first.kind in (Kind.IDENT, Kind.NUMBER, Kind.NULL):
            return FQLWarning(
                first.start,
                f"{skipped} after the condition is ignored; values with spaces need double "
                'quotes, and conditions need "and"/"or" between them',
                "ignored-tokens",
            )
        if first.kind is Kind.IDENT and first.text.lower() in FUNCTIONS:
            return FQLWarning(
                first.start,
                f'"{first.text}" is not a function (function names are lower-case: '
                f"{first.text.lower()}), so it is ignored",
                "ignored-tokens",
            )
        if first.kind is Kind.IDENT:
            return FQLWarning(
                first.start,
                f'"{first.text}" is not a field subscriptions can test, so {skipped} is ignored',
                "ignored-tokens",
            )
        if first.kind is Kind.PAREN_RIGHT and level.open_paren is None:
            return FQLWarning(
                first.start, 'this ")" closes nothing and is ignored', "ignored-tokens"
            )
        return FQLWarning(
            first.start, f"{skipped} does not form a condition and is ignored", "ignored-tokens"
        )

    def _closes_string(self, quote: int) -> bool:
        """Whether the quote at ``quote`` is also the closing quote of the string before it."""
        before = self.result.token_before(quote)
        return before is not None and before.kind is Kind.STRING and before.end == quote + 1
