"""Related questions: the entries sharing the most topics and principles with one entry, then the lowest ids."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise

RELATED_SHOWN = 3
"""Related questions shown per entry (and kept per entry by a store)."""


def sharing_keys(topics: Sequence[str], principles: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """The topics and principles an entry's related questions share with it, each once."""
    return tuple(dict.fromkeys([("topic", t) for t in topics] + [("principle", p) for p in principles]))


class Sharing:
    """Which entries share the most topics and principles with a given set, then the lowest ids.

    Memberships are bit sets (one bit per entry), counted with bit-sliced addition, so one
    entry costs a few operations on whole sets, never a pass over the entries; entries with
    the same topics and principles share the work. A corpus asks it for one entry; a store
    asks it for every entry once, when it is built, and keeps the answers.
    """

    def __init__(self, size: int, ids: Sequence[int], members: Callable[[str, str], Sequence[int]]) -> None:
        self.size = size
        self.ids = ids
        self.members = members
        self.ascending: bool | None = None
        self.masks: dict[tuple[str, str], int] = {}
        self.best: dict[tuple[tuple[str, str], ...], tuple[int, list[int]]] = {}  # keys -> (limit, best)

    def related(self, entry_id: int, keys: tuple[tuple[str, str], ...], limit: int) -> list[int]:
        """Positions of the *limit* entries sharing the most of *keys*, the entry *entry_id* left out."""
        if not keys:
            return []
        if keys not in self.best or self.best[keys][0] <= limit:
            wanted = max(limit, RELATED_SHOWN) + 1  # one more: the entry itself may be among them
            self.best[keys] = (wanted, self._best_sharing(keys, wanted))
        ids = self.ids  # the entry itself is known by its id (unique), without looking up its position
        return [p for p in self.best[keys][1] if ids[p] != entry_id][:limit]

    def _mask(self, key: tuple[str, str]) -> int:
        """The entries carrying a topic or principle, as an integer with one bit per position."""
        if key not in self.masks:
            bits = bytearray(self.size // 8 + 1)
            for position in self.members(*key):
                bits[position >> 3] |= 1 << (position & 7)
            self.masks[key] = int.from_bytes(bits, "little")
        return self.masks[key]

    def _best_sharing(self, keys: tuple[tuple[str, str], ...], limit: int) -> list[int]:
        """Positions sharing the most of *keys*, then by id: the *limit* best."""
        planes: list[int] = []  # binary digits of each entry's count of shared keys
        for key in keys:
            carry = self._mask(key)
            for digit, plane in enumerate(planes):
                planes[digit], carry = plane ^ carry, plane & carry
                if not carry:
                    break
            if carry:
                planes.append(carry)
        everyone = (1 << self.size) - 1
        chosen: list[int] = []
        for count in range(len(keys), 0, -1):
            exact = everyone
            for digit, plane in enumerate(planes):
                exact &= plane if count >> digit & 1 else ~plane
            chosen += self._lowest_ids(exact, limit - len(chosen))
            if len(chosen) >= limit:
                break
        return chosen

    def _lowest_ids(self, bits: int, limit: int) -> list[int]:
        """The positions in *bits* with the lowest ids, at most *limit* of them."""
        ids = self.ids
        if self.ascending is None:
            self.ascending = all(a < b for a, b in pairwise(ids))
        found: list[int] = []
        while bits and (len(found) < limit or not self.ascending):
            lowest = bits & -bits
            found.append(lowest.bit_length() - 1)
            bits ^= lowest
        return found if self.ascending else sorted(found, key=lambda p: ids[p])[:limit]
