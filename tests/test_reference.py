from reminisce import reference


def test_countries_and_languages_come_from_iso_lists():
    assert reference.is_country("JM") and not reference.is_country("XX")
    assert reference.find_country("Ireland") == "IE"
    assert reference.find_country("uk") == "GB"
    assert reference.is_language("pa") and not reference.is_language("xx")
    assert "IN" in reference.country_choices()
