"""A reporter's conditional arithmetic ("orders that would total $2 billion") is no
statement of an actual figure (own sentences, English and French)."""

import pytest

from claimwatch.extractors.attribution import is_forecast


@pytest.mark.parametrize("sentence, figure, expected", [
    ("At that price, 5,000 orders would total about $1.9 billion.", "$1.9 billion", True),
    ("Those pre-orders would amount to $700 million if all were honoured.", "$700 million", True),
    ("À ce prix, 5 000 commandes représenteraient 1,9 milliard d'euros.", "1,9 milliard", True),
    ("The 5,000 orders totalled $1.9 billion last year.", "$1.9 billion", False),
])
def test_attribution_hypothetical_total(sentence, figure, expected):
    assert is_forecast(sentence, sentence.index(figure)) is expected
