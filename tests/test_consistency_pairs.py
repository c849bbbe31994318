"""The sorted search for disagreeing figures finds exactly the pairs, in exactly the
order, that comparing every pair finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from shuttle.checks.consistency import _RANGES, disagreeing_pairs, value_range
from shuttle.records.schema import Figure


def _every_pair(members: list[tuple[str, Figure]]) -> list[tuple[int, int]]:
    pairs = []
    for i, (a_id, a) in enumerate(members):
        for j in range(i + 1, len(members)):
            b_id, b = members[j]
            if a_id == b_id or max(a.value, b.value) > 10 * max(1, min(a.value, b.value)):
                continue
            a_low, a_high = value_range(a.value, a.qualifier)
            b_low, b_high = value_range(b.value, b.qualifier)
            if a_low <= b_high and b_low <= a_high:
                continue
            pairs.append((i, j))
    return pairs


def _figure(n: int, value: int, qualifier: str | None) -> Figure:
    return Figure(
        id=f"f-{n}", text=str(value), start=0, end=1, value=value, measure="killed",
        qualifier=qualifier,
    )  # fmt: skip


_members = st.lists(
    st.tuples(
        st.sampled_from(["a", "b", "c", "d", "e"]),
        st.one_of(st.integers(0, 20), st.integers(900, 1300), st.integers(0, 10**6)),
        st.sampled_from([*_RANGES, "roughly"]),
    ),
    max_size=30,
)


@settings(max_examples=400, deadline=None)
@given(_members)
def test_the_same_pairs_as_every_pair(raw: list[tuple[str, int, str | None]]) -> None:
    members = [(source, _figure(n, value, q)) for n, (source, value, q) in enumerate(raw)]
    assert disagreeing_pairs(members) == _every_pair(members)
