"""The `{% badge %}` tag (careerpath/templatetags/display.py): the one place a badge's markup is written."""

import pytest
from django.template import Context, Template


def render(source: str, **context) -> str:
    return Template("{% load display %}" + source).render(Context(context))


@pytest.mark.parametrize(
    ("tag", "html"),
    [
        ('{% badge "article" %}', '<span class="badge badge-article">Article</span>'),
        ('{% badge "assumption" %}', '<span class="badge badge-assumption">Assumption</span>'),
        ('{% badge "edited" %}', '<span class="badge badge-assumption">Edited</span>'),
        ('{% badge "yours" %}', '<span class="badge badge-input">Your pay</span>'),
        ('{% badge "yours" "Your figure" %}', '<span class="badge badge-input">Your figure</span>'),
        ('{% badge "pay" data="shows-pay" %}', '<span class="badge badge-pay" data-shows-pay>Shows your pay</span>'),
    ],
)
def test_each_kind_of_badge_has_its_look_and_words(tag, html):
    assert render(tag) == html


def test_a_badge_sits_inside_a_sentence_without_added_space():
    assert (
        render('Base pay {% badge "assumption" %}.')
        == 'Base pay <span class="badge badge-assumption">Assumption</span>.'
    )


def test_a_badge_label_from_the_context_is_escaped():
    assert render('{% badge "article" label %}', label="<b>") == '<span class="badge badge-article">&lt;b&gt;</span>'


@pytest.mark.django_db
def test_a_step_card_wears_the_badge_of_what_its_figure_rests_on(client):
    html = client.get("/").content.decode()
    assert '<span class="badge badge-article">Article</span>' in html
