"""A claim word inside a relative clause that closes before the figure does not make the
figure a claim (own sentences, English and French)."""

import pytest

from claimwatch.extractors.attribution import claimed_by

EN = ("The backstory: Quill, a budgeting app for students that claimed 3 million users, was "
      "acquired by a bank in 2020 for $90 million.")
FR = "Quill, une application qui revendiquait 3 millions d’utilisateurs, a été rachetée 80 millions d’euros en 2020."


@pytest.mark.parametrize("sentence, figure, expected", [
    (EN, "$90 million", "reporter"), (EN, "3 million", "company"),
    (FR, "80 millions", "reporter"), (FR, "3 millions", "company"),
])
def test_attribution_relative_clause_scope(sentence, figure, expected):
    assert claimed_by(sentence, sentence.index(figure)) == expected


def test_attribution_relative_clause_speaker_still_counts():
    s = "Quill, which claims 3 million users, said revenue hit $9 million."
    assert claimed_by(s, s.index("$9")) == "company"
