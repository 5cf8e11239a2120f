"""A document as the rules read it: its units of evidence (the sentences of its prose, each list
item, each table row, each short line of a landing page) with exact offsets into the original
text, each read with the context that gives it meaning — and nothing of what is not prose.

Headings are context for their section, never evidence alone ("## Roadmap" says nothing about who
builds what); so are a bold line standing alone, a short unpunctuated title line, a table's header
row and a question (an FAQ's "What do holders get?" is the context of its answer). A list item is
read after its lead-in line and its section's heading; a table row after its heading and header
cells ("15%" means nothing without "Team & Advisors" and "Share"). Fenced code, front matter, HTML
comments, scripts and lines that are only markup are skipped; HTML is read through its tags (each
tag masked by characters of the same length, so offsets stay exact). Plain prose is one region,
split into sentences exactly as ``sentences`` splits it, and read without copying."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from app.core.engine.segmentation import Span, sentences

_FENCE = re.compile(r"(```|~~~)")
_HEADING = re.compile(r"#{1,6}(?:[ \t]|$)")
_BOLD_LINE = re.compile(r"(?:\*\*|__)[^*_]+(?:\*\*|__)[:.]?$")
_SETEXT_UNDERLINE = re.compile(r"(?:=+|-{2,})$")
_TABLE_ROW = re.compile(r"\|.*\|$")
_TABLE_RULE = re.compile(r"\|?[ \t]*:?-{3,}:?(?:[ \t]*\|[ \t]*:?-{3,}:?)*[ \t]*\|?$")
_LIST_MARKER = re.compile(r"(?:[-*+•■▪◆►✓✔]|\d{1,3}[.)])[ \t]+(?=\S)")
_LINK_TARGET = r"\((?:[^()\s]|\([^()\s]*\))*\)"  # a URL, which may hold one level of brackets ("...(by%20design)...")
_MARKUP_ONLY = re.compile(
    rf"(?:<[^<>]*>[ \t]*)+$|(?:\[?!\[[^\]]*\]{_LINK_TARGET}(?:\]{_LINK_TARGET})?[ \t]*)+$|\[[^\]]*\]$"
)
_FRONT_MATTER = re.compile(r"---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|$)", re.S)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
# A line of a landing page or a terms sheet that stands alone: no sentence punctuation at its end
# and short, with the next line right below it. Longer lines, or lines whose next line goes on in
# lower case, are wrapped prose and stay in their paragraph.
SHORT_LINE = 80
_UNPUNCTUATED_END = re.compile(r"[^.!?;:,\"'”’)\]]$")
_CONTINUES_PROSE = re.compile(r"[a-z(]")
# A short line with no figure and few words is a title (context), not a fact.
TITLE_WORDS = 6
_FIGURE = re.compile(r"\d")
_CONTEXT_SEPARATOR = " — "

# HTML: a document that opens like one or has several block tags is read through its tags.
_HTML_DOCUMENT = re.compile(r"\s*<(?:!doctype|html|head|body)\b", re.I)
_HTML_BLOCK_TAG = re.compile(r"<(?:p|div|h[1-6]|li|ul|ol|table|tr|td|th|br|section|article)\b[^<>]*>", re.I)
HTML_BLOCK_TAGS_NEEDED = 3
_HTML_SKIPPED = re.compile(r"<(script|style|template|noscript)\b.*?</\1\s*>|<!--.*?-->|<head\b.*?</head\s*>", re.I | re.S)
_HTML_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>|<![^<>]*>")


class Reading(NamedTuple):
    """What the rules read: ``text`` (the original, or a copy in which each unit that has context
    is preceded by it), the ``units`` in it, and for each unit where its own words begin
    (``bodies``) and where they are in the original (``origins``); both None when ``text`` is the
    original and every unit is its own words. ``negated`` holds the starts of the units that say
    "none" as a whole: a table row whose value is nil ("Presale | 0% | none ever existed")."""

    text: str
    units: list[Span]
    bodies: list[int] | None
    origins: list[int] | None
    negated: frozenset[int] = frozenset()

    def body_start(self, i: int) -> int:
        return self.units[i].start if self.bodies is None else self.bodies[i]

    def to_original(self, start: int, end: int) -> Span:
        """The original span of ``text[start:end]``, cut to the words of its unit."""
        if self.bodies is None:
            return Span(start, end)
        i = bisect_right(self.units, Span(start, len(self.text) + 1)) - 1
        body, origin = self.bodies[i], self.origins[i]
        start = max(start, body)
        end = max(min(end, self.units[i].end), start)
        return Span(origin + start - body, origin + end - body)


class _Unit(NamedTuple):
    span: Span  # in the (masked) original
    context: str
    negated: bool = False


# A table cell that says there is none: "0", "0%", "none", "no", "n/a", "nil", a dash.
_NIL = r"(?:0(?:[.,]0+)?\s*%?|none|no|n/?a|nil|zero|nothing|never(?:\s+happened)?|did(?:n['’]t|\s+not)\s+happen(?:ed)?)"
_NIL_CELL = re.compile(rf"[*_]*{_NIL}(?![\w.,%/])|[—–-]$|[✗✘×❌]", re.I)
# "**Premine/ICO:** none.", "Presale: never happened": a label whose value is nil.
_NIL_VALUE = re.compile(rf"[^:\n]{{1,60}}:[*_\s]*{_NIL}[*_.!\s]*", re.I)
# "0% presale.", "zero team allocation": a figure of nothing, written before its label.
_NIL_LEAD = re.compile(r"[*_\s]*(?:0(?:[.,]0+)?\s*%|zero)\s+[\w /&-]{1,40}[.!]?[*_\s]*", re.I)


def html_masked(text: str) -> str | None:
    """``text`` with its HTML tags masked by characters of the same length (block tags by the line
    breaks and Markdown markers they stand for), or None if it does not read as HTML."""
    if "<" not in text or (not _HTML_DOCUMENT.match(text)
                           and len(_HTML_BLOCK_TAG.findall(text, 0, 20_000)) < HTML_BLOCK_TAGS_NEEDED):
        return None

    def blank(match: re.Match) -> str:
        return re.sub(r"[^\n]", " ", match.group())

    def tag(match: re.Match) -> str:
        width, name = len(match.group()), (match.group(1) or "").lower()
        closing = match.group().startswith("</")
        if name in ("h1", "h2", "h3", "h4", "h5", "h6") and not closing:
            marker = "\n" + "#" * min(int(name[1]), width - 2) + " "
        elif name == "li" and not closing:
            marker = "\n- "
        elif name == "tr" and not closing:
            marker = "\n|"
        elif name in ("td", "th"):
            marker = " |" if closing else " "
        elif name == "tr":  # the next row's opening tag starts its line: a blank one would end the table
            marker = " "
        elif name in ("p", "div", "br", "tr", "ul", "ol", "table", "section", "article", "li", "h1", "h2", "h3",
                      "h4", "h5", "h6", "header", "footer", "blockquote", "dt", "dd", "title"):
            marker = "\n"
        else:
            marker = " "
        return marker + " " * (width - len(marker))

    return _HTML_TAG.sub(tag, _HTML_SKIPPED.sub(blank, text))


def read(text: str) -> Reading:
    """The reading of ``text`` (see the module's docstring)."""
    masked = html_masked(text)
    source = text if masked is None else masked
    found = _units(source)
    if masked is None and not any(unit.context or unit.negated for unit in found):
        return Reading(text, [unit.span for unit in found], None, None)
    parts: list[str] = []
    spans: list[Span] = []
    bodies: list[int] = []
    origins: list[int] = []
    length = 0
    for unit in found:
        start = length
        if unit.context:
            parts.append(unit.context + _CONTEXT_SEPARATOR)
            length += len(unit.context) + len(_CONTEXT_SEPARATOR)
        bodies.append(length)
        origins.append(unit.span.start)
        words = source[unit.span.start : unit.span.end]
        parts.append(words)
        length += len(words)
        spans.append(Span(start, length))
        parts.append("\n")
        length += 1
    negated = frozenset(span.start for span, unit in zip(spans, found, strict=True) if unit.negated)
    return Reading("".join(parts), spans, bodies, origins, negated)


def units(text: str) -> list[Span]:
    """The spans of ``text`` that may be quoted as evidence, in order."""
    masked = html_masked(text)
    return [unit.span for unit in _units(text if masked is None else masked)]


def _units(text: str) -> list[_Unit]:
    found: list[_Unit] = []
    prose_start: int | None = None
    heading = ""  # the current section's heading
    lead_in = ""  # the prose line that introduced the list being read
    question = ""  # a question just read: the context of what answers it
    header = ""  # the header row of the table being read
    in_table = False

    def add(span: Span, context: str, negated: bool = False) -> None:
        nonlocal question
        words = text[span.start : span.end]
        if words.rstrip("*_\"'”’ ").endswith("?"):  # a question is never evidence; it is what the next unit answers
            question = words
            return
        negated = (negated or (":" in words and _NIL_VALUE.fullmatch(words) is not None)
                   or (len(words) <= 50 and _NIL_LEAD.fullmatch(words) is not None))
        found.append(_Unit(span, _joined(context, question), negated))
        question = ""

    def add_sentences(start: int, end: int, context: str) -> None:
        for s in sentences(text[start:end]):
            add(Span(start + s.start, start + s.end), context)

    def flush(end: int) -> None:
        nonlocal prose_start, lead_in
        if prose_start is not None:
            before = len(found)
            add_sentences(prose_start, end, "")
            last = text[found[-1].span.start : found[-1].span.end] if len(found) > before else ""
            lead_in = last if last.endswith(":") else ""
            prose_start = None

    def set_heading(words: str) -> None:
        nonlocal heading, lead_in, question
        heading = words.strip("#*_ \t:").strip()
        lead_in = ""
        question = heading if words.rstrip("*_ ").endswith("?") else ""

    position = 0
    if text.startswith("---"):
        front = _FRONT_MATTER.match(text)
        if front:
            position = front.end()
    fence: str | None = None
    length = len(text)
    line_start = position
    while position < length:
        newline = text.find("\n", position)
        line_end = length if newline < 0 else newline
        next_line = line_end + 1
        raw = text[position:line_end]
        line = raw.strip()  # every pattern below reads the line without its indentation
        indent = len(raw) - len(raw.lstrip())
        if not line:  # a blank line ends a table; prose and fences go on across it
            in_table = False
            line_start, position = position, next_line
            continue
        if not _TABLE_ROW.match(line):
            in_table = False
        if fence is not None:  # inside fenced code: only its closing fence matters
            if line.startswith(fence):
                fence = None
        elif (opening := _FENCE.match(line)) is not None:
            flush(position)
            fence = opening.group(1)
        elif line.startswith("<!--"):
            flush(position)
            comment = _HTML_COMMENT.match(text, position + indent)
            if comment:
                end_line = text.find("\n", comment.end())
                next_line = length if end_line < 0 else end_line + 1
            else:
                next_line = length
        elif prose_start is not None and _SETEXT_UNDERLINE.match(line):
            set_heading(text[prose_start:line_start].strip())  # the line above is a heading
            prose_start = None
        elif _HEADING.match(line) or _BOLD_LINE.match(line):
            flush(position)
            set_heading(line)
        elif _MARKUP_ONLY.match(line) or _TABLE_RULE.match(line):
            flush(position)
        elif _TABLE_ROW.match(line):
            flush(position)
            if not in_table:  # a table's first row is its header: context for its rows
                in_table, header = True, _cells(line)
            else:
                row = _trimmed_line(text, position, line_end, "|")
                values = text[row.start : row.end].split("|")[1:]
                add(row, _joined(heading, header), any(_NIL_CELL.match(cell.strip()) for cell in values))
        elif (marker := _LIST_MARKER.match(line)) is not None:
            flush(position)
            item_start = position + indent + marker.end()
            add_sentences(item_start, line_end, _joined(heading, lead_in))
        elif _stands_alone(line, text, next_line):
            flush(position)
            if len(line.split()) <= TITLE_WORDS and not _FIGURE.search(line):
                set_heading(line)
            else:
                add(_trimmed_line(text, position, line_end), heading)
        elif prose_start is None:
            prose_start = position
        line_start, position = position, next_line
    flush(length)
    return found


def _stands_alone(line: str, text: str, next_line: int) -> bool:
    """Whether a prose line is a line of its own (a title, a label and its value) rather than part
    of a paragraph: short, unpunctuated at its end, and followed right away by another line that
    does not go on in lower case."""
    if len(line) > SHORT_LINE or not _UNPUNCTUATED_END.search(line):
        return False
    following_end = text.find("\n", next_line)
    following = text[next_line : len(text) if following_end < 0 else following_end].strip()
    return bool(following) and not _CONTINUES_PROSE.match(following)


def _cells(row: str) -> str:
    return " | ".join(cell.strip() for cell in row.strip("|").split("|") if cell.strip())


def _joined(*parts: str) -> str:
    return _CONTEXT_SEPARATOR.join(part for part in parts if part)


def _trimmed_line(text: str, start: int, end: int, edges: str = "") -> Span:
    """The line without the spaces (and ``edges``, a table row's outer bars) at its ends."""
    while start < end and (text[start].isspace() or text[start] in edges):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in edges):
        end -= 1
    return Span(start, end)
