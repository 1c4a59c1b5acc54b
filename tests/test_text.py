from reminisce.text import escape_markdown


def test_markdown_and_html_are_escaped_so_they_show_as_typed():
    assert escape_markdown("<b>Dad</b> *always*") == r"\<b\>Dad\<\/b\> \*always\*"
    assert escape_markdown(":red[alarm] [link](x)") == r"\:red\[alarm\] \[link\]\(x\)"


def test_letters_emoji_and_right_to_left_text_are_untouched():
    assert escape_markdown("Zoë 😊 مرحبا") == "Zoë 😊 مرحبا"
    assert escape_markdown("") == ""
