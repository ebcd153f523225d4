"""What a buyer or investor was led to believe is the company's representation; what it
actually received is the reporter's finding (own sentences, English and French)."""

from claimwatch.extractors.attribution import claimed_by


def _by(sentence, figure):
    return claimed_by(sentence, sentence.index(figure))


def test_attribution_buyer_belief_en():
    s = ("According to the lawsuit, the fund paid $90 million for what it thought was a firm "
         "with 2.1 million members, but what it actually received was a firm with fewer than "
         "150,000 members.")
    assert _by(s, "2.1 million") == "company"
    assert _by(s, "150,000") == "reporter"


def test_attribution_buyer_belief_understanding_en():
    s = "Quill was bought for $40 million on the understanding that 900,000 students used it."
    assert _by(s, "900,000") == "company"


def test_attribution_buyer_belief_fr():
    s = ("Le fonds a payé 40 millions d’euros en croyant acheter une société de 500 000 clients, "
         "qui n’en comptait en réalité que 20 000.")
    assert _by(s, "500 000") == "company"
    assert _by(s, "20 000") == "reporter"


def test_attribution_buyer_belief_claim_inside_court_papers_fr():
    s = ("Selon des documents judiciaires, Zentra a trompé ses investisseurs en soutenant que "
         "60 % de son code était écrit par l’IA.")
    assert _by(s, "60 %") == "company"


def test_attribution_buyer_belief_only_after_the_cue():
    s = "Quill was bought for $40 million on the understanding that 900,000 students used it."
    assert _by(s, "$40 million") == "reporter"
    f = "Le fonds a payé 40 millions d’euros en croyant acheter une société de 500 000 clients."
    assert _by(f, "40 millions") == "reporter"
