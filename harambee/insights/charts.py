"""Server-rendered SVG bar charts: no chart library reaches the browser. Each chart
has a <title> and a <desc>, and its data table sits beside it on the page; cells the
table suppresses draw no bar."""

from __future__ import annotations

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from harambee.insights.tables import Table

WIDTH, LABEL, ROW, BAR = 320, 120, 14, 12
COLOURS = ("#1d5e8c", "#b35c00")


def _number(value) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def bar_chart(table: Table) -> SafeString:
    if not table.chart or not table.rows:
        return SafeString("")
    values = [_number(row[c]) for row in table.rows for c in table.chart]
    top = max([v for v in values if v is not None and v > 0], default=0)
    if top == 0:
        return SafeString("")
    series = len(table.chart)
    group = series * BAR + 6
    height = len(table.rows) * group + 24
    span = WIDTH - LABEL - 40
    parts = []
    for i, row in enumerate(table.rows):
        y = 4 + i * group
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="end" font-size="10">{}</text>',
                LABEL - 4,
                y + series * BAR / 2 + 4,
                str(row[0])[:22],
            )
        )
        for s, column in enumerate(table.chart):
            value = _number(row[column])
            if value is None or value <= 0:
                continue
            width = max(1.0, value / top * span)
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"></rect>'
                    '<text x="{}" y="{}" font-size="9">{}</text>',
                    LABEL,
                    y + s * BAR,
                    round(width, 1),
                    BAR - 2,
                    COLOURS[s % len(COLOURS)],
                    round(LABEL + width + 3, 1),
                    y + s * BAR + 9,
                    row[column],
                )
            )
    legend = format_html_join(
        "",
        '<rect x="{}" y="{}" width="8" height="8" fill="{}"></rect>'
        '<text x="{}" y="{}" font-size="9">{}</text>',
        (
            (
                LABEL + s * 100,
                height - 12,
                COLOURS[s % len(COLOURS)],
                LABEL + s * 100 + 11,
                height - 4,
                str(table.columns[c])[:18],
            )
            for s, c in enumerate(table.chart)
        ),
    )
    return format_html(
        '<svg class="insights-chart" role="img" viewBox="0 0 {w} {h}" '
        'aria-labelledby="chart-{k}-title chart-{k}-desc" xmlns="http://www.w3.org/2000/svg">'
        '<title id="chart-{k}-title">{t}</title><desc id="chart-{k}-desc">{d}</desc>'
        "{body}{legend}</svg>",
        w=WIDTH,
        h=height,
        k=table.key,
        t=table.title,
        d=table.description,
        body=format_html_join("", "{}", ((part,) for part in parts)),
        legend=legend,
    )
