"""A line break starts a sentence, except where a printed page wrapped one sentence over lines."""

import pytest


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # rows of a grade list carry no stops: each line is its own sentence
        ("Overall effectiveness – Good\nLeadership – Requires improvement\nAdoption – Good", 3),
        # a list lead-in ends with a colon; the items start in capitals
        ("The judgements were:\nOverall effectiveness: good\nCare leavers: outstanding", 3),
        # a wrapped paragraph: each line ends inside its sentence and the next goes on in lower case
        ("In March 2012, after an inspection that\nfound the services for children in\ncare inadequate, the minister wrote to the council.", 1),
        ("Ofsted returned to Wigan in May and the\ninspectors found that little had changed. The council\ndisagreed.", 2),
    ],
)
def test_lines_and_sentences(nlp, text: str, sentences: int) -> None:
    assert len(list(nlp(text).sents)) == sentences


def test_a_wrapped_sentence_is_one_evidence_sentence(extract_text) -> None:
    text = ("In December 2011, following a report that rated\nSefton's children's services as inadequate,\n"
            "the Department for Education issued an improvement notice.")
    [action] = extract_text(text, "2012-01-01").actions
    assert (action.authority, action.kind, action.date) == ("Sefton", "improvement_notice", "2011-12")
    assert action.evidence == text
