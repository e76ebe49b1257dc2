"""A right-to-left page (Arabic, added to LANGUAGES for this test only) mirrors on
a phone: the site name moves to the right edge, the account links to the left,
and nothing scrolls sideways at 360 px."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import override_settings

pytestmark = pytest.mark.browser

WITH_ARABIC = [*settings.LANGUAGES, ("ar", "Arabic")]
WIDTH = 360


def layout(page) -> dict:
    return page.evaluate(
        """() => {
            const box = (selector) => document.querySelector(selector).getBoundingClientRect();
            const brand = box('.brand'), account = box('.account');
            const html = document.documentElement;
            return {
                dir: html.dir,
                direction: getComputedStyle(html).direction,
                brandLeft: brand.left, brandRight: brand.right,
                accountLeft: account.left, accountRight: account.right,
                overflow: html.scrollWidth - html.clientWidth,
            };
        }"""
    )


@pytest.mark.django_db(transaction=True)
@override_settings(LANGUAGES=WITH_ARABIC)
def test_an_arabic_page_mirrors_at_360px(new_page):
    ltr = new_page(extra_http_headers={"Accept-Language": "en"})
    ltr.goto("/")
    rtl = new_page(extra_http_headers={"Accept-Language": "ar"})
    rtl.goto("/")
    left_to_right, right_to_left = layout(ltr), layout(rtl)

    assert (left_to_right["dir"], left_to_right["direction"]) == ("ltr", "ltr")
    assert (right_to_left["dir"], right_to_left["direction"]) == ("rtl", "rtl")
    # The site name starts the bar: at the left edge in English, the right in Arabic.
    assert left_to_right["brandLeft"] < WIDTH / 2 < right_to_left["brandRight"]
    # The account links end it: the other way round.
    assert right_to_left["accountLeft"] < WIDTH / 2 < left_to_right["accountRight"]
    assert left_to_right["overflow"] <= 0, left_to_right
    assert right_to_left["overflow"] <= 0, right_to_left
