"""A written document as bytes on disk: a plain-text file, or an HTML page with the furniture real sites have."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date

from .dates import WEEKDAYS, long_date, numeric_date
from .document import Doc
from .names import AUTHORITIES, PAPERS

CURLY_TO_STRAIGHT = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'))

COOKIE_TEXT = (
    "We use cookies to make this website work and to understand how you use it.",
    "This site uses essential cookies. We would also like to set analytics cookies to help us improve it.",
    "Cookies on this website: we use some necessary cookies, and with your consent we also use optional ones.",
    "We’d like to use additional cookies to remember your settings and understand how you use our services.",
    "Our website uses cookies to give you the best experience. You can change your settings at any time.",
)
SITES = {
    "gov": (("Topics", "Government activity", "Departments", "News and communications", "Search"), ("Help", "Privacy", "Cookies", "Accessibility statement", "Contact")),
    "council": (("Bins and recycling", "Council tax", "Schools and learning", "Children and families", "Planning", "News"), ("Contact us", "Accessibility", "Privacy", "Jobs")),
    "paper": (("News", "Sport", "What’s on", "Business", "Opinion", "Jobs", "Announcements"), ("About us", "Advertise", "Contact", "Terms and conditions", "Cookie policy")),
    "ofsted": (("Find an inspection report", "Childcare", "Schools", "Children’s social care", "Further education"), ("Help", "Cookies", "Privacy", "Contact Ofsted")),
}


def date_line(doc: Doc) -> str:
    pub = doc.published
    return doc.pick((long_date(pub), f"Published {long_date(pub)}", f"Date: {numeric_date(pub)}", f"{WEEKDAYS[pub.weekday()]} {long_date(pub)}", f"Posted on {long_date(pub)}",
                     f"Published: {long_date(pub)}"))


def _plain(kind: str, content: str | tuple[str, ...], html_page: bool) -> str:
    if isinstance(content, tuple):
        return "\n".join(f"- {item}" for item in content)
    return f"“{content}”" if kind == "q" and not html_page else content


def render_txt(doc: Doc, title: str) -> tuple[str, str]:
    """The title line, the date line, then the blocks: the file is the text."""
    text = "\n\n".join([f"{title}\n{date_line(doc)}", *(_plain(kind, content, False) for kind, content in doc.blocks)]) + "\n"
    return text, text


def _html_block(kind: str, content: str | tuple[str, ...]) -> str:
    if isinstance(content, tuple):
        return "<ul>\n" + "\n".join(f"  <li>{html.escape(item)}</li>" for item in content) + "\n</ul>"
    if kind == "q":
        return f"<blockquote><p>{html.escape(content)}</p></blockquote>"
    return f"<{kind}>{html.escape(content)}</{kind}>"


def _links(labels: Sequence[str]) -> str:
    return "".join(f'<li><a href="/{html.escape(label.lower().replace(" ", "-").replace("’", ""), quote=True)}">{html.escape(label)}</a></li>' for label in labels)


SITE_LINKS = {kind: (_links(nav), _links(footer)) for kind, (nav, footer) in SITES.items()}


def _published_meta(doc: Doc) -> str:
    """The article:published_time meta element some sites add, with an invented time of day."""
    attribute = doc.pick(("name", "property"))
    return f'<meta {attribute}="article:published_time" content="{doc.published.isoformat()}T{doc.between(7, 17):02d}:{doc.between(0, 3) * 15:02d}:00+00:00">'


def _date_paragraph(line: str, pub: date, as_time: bool) -> str:
    """The visible date line, its date wrapped in <time> when asked and the line ends with a date the element can hold."""
    shown = next((form for form in (long_date(pub), numeric_date(pub)) if line.endswith(form)), "")
    if as_time and shown:
        label = html.escape(line[: len(line) - len(shown)])
        return f'<p class="date">{label}<time datetime="{pub.isoformat()}">{html.escape(shown)}</time></p>'
    return f'<p class="date">{html.escape(line)}</p>'


def render_html(doc: Doc, title: str, kind: str) -> tuple[str, str]:
    """A page with furniture around the article; the text is the article's blocks, title first."""
    rng, pub = doc.rng, doc.published
    site_kind = {"notice": "gov", "ofsted": "ofsted"}.get(kind) or doc.pick(("council", "paper"))
    site = {"gov": "GOV.UK", "ofsted": "Ofsted reports", "council": doc.slots["council"], "paper": f"{doc.slots['auth']} {doc.pick(PAPERS)}"}[site_kind]
    nav, footer = SITE_LINKS[site_kind]
    head = [f"<title>{html.escape(title)} | {html.escape(site)}</title>"]
    style = rng.random()
    if style < 0.4:
        head.append(_published_meta(doc))
    visible = [title]
    article = [f"<h1>{html.escape(title)}</h1>"]
    if style < 0.9:  # the rest carry no date at all, as some real pages do
        line = date_line(doc)
        visible.append(line)
        article.append(_date_paragraph(line, pub, 0.4 <= style < 0.75))
    if site_kind == "paper" and rng.random() < 0.6:
        byline = f"By {doc.slots['reporter']}, {doc.pick(('Local Democracy Reporter', 'reporter', 'Chief Reporter'))}"
        visible.append(byline)
        article.append(f'<p class="byline">{html.escape(byline)}</p>')
    for block_kind, content in doc.blocks:
        visible.append(_plain(block_kind, content, True))
        article.append(_html_block(block_kind, content))
    container = "article" if site_kind != "gov" else "div"
    topics = ("council news", "school places update", "library opening hours", "road closures this week")
    related = [f"{AUTHORITIES[doc.between(0, len(AUTHORITIES) - 1)][0]} {doc.pick(topics)}" for _ in range(3)]
    page = f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{chr(10).join(head)}
</head>
<body>
<a href="#content" class="skip-link">Skip to main content</a>
<div class="cookie-banner" role="region" aria-label="Cookies"><p>{html.escape(doc.pick(COOKIE_TEXT))}</p>
<button>Accept all cookies</button> <button>Reject optional cookies</button></div>
<header><a href="/" class="logo">{html.escape(site)}</a>
<nav aria-label="Main menu"><ul>{nav}</ul></nav></header>
<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ol></nav>
<main id="content">
<{container} class="{'govspeak' if site_kind == 'gov' else 'article-body'}">
{chr(10).join(article)}
</{container}>
<aside class="related"><h2>Related content</h2><ul>{_links(related)}</ul></aside>
</main>
<footer><ul>{footer}</ul><p>&copy; {pub.year} {html.escape(site)}</p></footer>
</body>
</html>
"""
    return page, "\n\n".join(visible)


def render_brief_html(doc: Doc, title: str, kind: str) -> tuple[str, str]:
    """A small page for a brief: a header with navigation, the item with its date line, a footer; no banner or related links."""
    pub = doc.published
    site_kind = doc.pick(("gov", "paper")) if kind == "notice" else doc.pick(("council", "paper"))
    site = {"gov": "GOV.UK", "council": doc.slots["council"], "paper": f"{doc.slots['auth']} {doc.pick(PAPERS)}"}[site_kind]
    nav, footer = SITE_LINKS[site_kind]
    style = doc.random()
    meta = f"\n{_published_meta(doc)}" if style < 0.4 else ""
    line = date_line(doc)
    article = [f"<h1>{html.escape(title)}</h1>", _date_paragraph(line, pub, style >= 0.6)]
    article += [_html_block(block_kind, content) for block_kind, content in doc.blocks]
    visible = [title, line, *(_plain(block_kind, content, True) for block_kind, content in doc.blocks)]
    page = f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{html.escape(title)} | {html.escape(site)}</title>{meta}
</head>
<body>
<header><a href="/" class="logo">{html.escape(site)}</a>
<nav aria-label="Main menu"><ul>{nav}</ul></nav></header>
<main id="content">
<article class="article-body">
{chr(10).join(article)}
</article>
</main>
<footer><ul>{footer}</ul><p>&copy; {pub.year} {html.escape(site)}</p></footer>
</body>
</html>
"""
    return page, "\n\n".join(visible)


def straighten(text: str) -> str:
    for curly, straight in CURLY_TO_STRAIGHT:  # str.replace is several times faster than str.translate here
        text = text.replace(curly, straight)
    return text
