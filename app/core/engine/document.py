"""A document's units of evidence, with exact offsets into the original text: the sentences of its
prose, each list item, each table row — and nothing of what is not prose. Markdown headings are
context for their section, never evidence alone ("## Roadmap" says nothing about who builds what);
fenced code, front matter, HTML comments and lines that are only markup are skipped; a table's
separator row is skipped and each other row is one unit; a list item's marker is left out of its
unit. Plain prose is one region, split into sentences exactly as before."""

from __future__ import annotations

import re

from app.core.engine.segmentation import Span, sentences

_FENCE = re.compile(r"(```|~~~)")
_HEADING = re.compile(r"#{1,6}(?:[ \t]|$)")
_SETEXT_UNDERLINE = re.compile(r"(?:=+|-{2,})$")
_TABLE_ROW = re.compile(r"\|.*\|$")
_TABLE_RULE = re.compile(r"\|?[ \t]*:?-{3,}:?(?:[ \t]*\|[ \t]*:?-{3,}:?)*[ \t]*\|?$")
_LIST_MARKER = re.compile(r"(?:[-*+•]|\d{1,3}[.)])[ \t]+(?=\S)")
_MARKUP_ONLY = re.compile(r"(?:<[^<>]*>[ \t]*)+$|\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)$|!\[[^\]]*\]\([^)]*\)$")
_FRONT_MATTER = re.compile(r"---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|$)", re.S)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)


def units(text: str) -> list[Span]:
    """The spans of ``text`` that may be quoted as evidence, in order."""
    found: list[Span] = []
    prose_start: int | None = None

    def flush(end: int) -> None:
        nonlocal prose_start
        if prose_start is not None:
            found.extend(Span(prose_start + s.start, prose_start + s.end) for s in sentences(text[prose_start:end]))
            prose_start = None

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
        if not line:  # a blank line changes nothing: prose and fences go on across it
            line_start, position = position, next_line
            continue
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
            flush(line_start)  # the line above is a heading, not prose
            prose_start = None
        elif _HEADING.match(line) or _MARKUP_ONLY.match(line) or _TABLE_RULE.match(line):
            flush(position)
        elif _TABLE_ROW.match(line):
            flush(position)
            _append_trimmed(found, text, position, line_end)
        elif (marker := _LIST_MARKER.match(line)) is not None:
            flush(position)
            item_start = position + indent + marker.end()
            found.extend(Span(item_start + s.start, item_start + s.end) for s in sentences(text[item_start:line_end]))
        elif prose_start is None:
            prose_start = position
        line_start, position = position, next_line
    flush(length)
    return found


def _append_trimmed(found: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        found.append(Span(start, end))
