from reminisce.matching import normalise_artist, normalise_title


def test_case_accents_articles_and_punctuation_do_not_matter():
    assert normalise_artist("The Beatles") == normalise_artist("beatles")
    assert normalise_artist("Édith Piaf") == normalise_artist("Edith PIAF")
    assert normalise_title("He'll Have to Go!") == normalise_title("hell have to go")


def test_featuring_credits_and_bracketed_extras_are_dropped():
    assert normalise_title("Up Where We Belong (feat. Jennifer Warnes)") == "up where we belong"
    assert normalise_artist("Joe Cocker feat. Jennifer Warnes") == "joe cocker"
    assert normalise_artist("Ray Noble with Al Bowlly") == "ray noble"
    assert normalise_artist("Desmond Dekker & The Aces") == normalise_artist("Desmond Dekker and the Aces")


def test_words_like_with_inside_a_title_are_kept():
    assert normalise_title("Dancing with Tears in My Eyes") == "dancing with tears in my eyes"
    assert normalise_title("(Remix)") == "remix"
