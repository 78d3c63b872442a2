"""`splice.apply` makes many edits in one pass (`vae import` splices thousands into a plan):
it must give exactly the text that making them one by one gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from vae_cli.editing.splice import Edit, _apply_one_by_one, apply

TEXT = "actions:\n  - id: a\n    progress: []\n  - id: b\n"


@st.composite
def edits(draw: st.DrawFn) -> list[Edit]:
    """Edits of TEXT that do not overlap (insertions may share a place), in any order."""
    cuts = sorted(draw(st.lists(st.integers(0, len(TEXT)), max_size=12)))
    found: list[Edit] = []
    for start, end in zip(cuts[::2], cuts[1::2], strict=False):
        found.append(Edit(start, draw(st.sampled_from([start, end])), draw(st.text(max_size=5))))
    return draw(st.permutations(found))


@settings(max_examples=300, deadline=None)
@given(edits())
def test_one_pass_gives_the_text_of_one_edit_at_a_time(changes: list[Edit]) -> None:
    assert apply(TEXT, changes) == _apply_one_by_one(TEXT, changes)


def test_two_insertions_at_one_place_keep_the_order_they_always_had() -> None:
    both = [Edit(3, 3, "first"), Edit(3, 3, "second")]
    assert apply("abcdef", both) == "abcsecondfirstdef"
