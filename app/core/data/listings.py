"""Listings in and scores out, streamed: CSV or JSONL files of any size read row by row, each row
either a listing to score or a rejection with its line number and reason. Shared by `howey batch`
and the CSV upload endpoint, so both read a file the same way."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import BinaryIO

from app.core.errors import InputError

MAX_TEXT_CHARS = 100_000
MAX_ID_CHARS = 256  # an id names a row in the output; past this it is a text in the wrong column
_UNDECODABLE = re.compile("[\udc80-\udcff]")  # bytes that were not UTF-8, kept by surrogateescape
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# White space, controls and invisible format characters (zero-width spaces, joiners, BOMs...).
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp"})  # JSON may escape one ("\ud800"); it is no character
# Python's csv module stops a whole file at a field over 128 KiB; a long text must be a rejected
# row instead (with its line), so the reader takes any field and the length check decides.
csv.field_size_limit(2**31 - 1)


def _invisible(char: str) -> bool:
    return char.isspace() or unicodedata.category(char) in _INVISIBLE_CATEGORIES


@cache
def visible_character_pattern() -> str:
    """A regular-expression class of one visible character (what ``text_problem`` asks a text to
    hold at least one of), for the API's schema."""
    ranges, start = [], None
    for code in range(sys.maxunicode + 2):
        inside = code <= sys.maxunicode and _invisible(chr(code))
        if inside and start is None:
            start = code
        elif not inside and start is not None:
            ranges.append(f"\\U{start:08x}" + (f"-\\U{code - 1:08x}" if code - 1 > start else ""))
            start = None
    return "[^" + "".join(ranges) + "]"


def text_problem(text: str) -> tuple[str, str] | None:
    """What makes a text unscorable, as (kind, reason), or None; one rule for every surface."""
    if not text.isascii() and _LONE_SURROGATE.search(text):  # ASCII has none: skip the scan
        if _UNDECODABLE.search(text):
            return "not UTF-8", "the text has bytes that are not UTF-8"
        return "not UTF-8", "the text has a lone surrogate code point (such as \\ud800), which is not a character"
    if not text.strip():
        return "empty text", "the text is empty"
    if not any(not _invisible(char) for char in text):  # stops at the first visible character
        return "empty text", "the text has no visible character (only spaces, controls or invisible format characters)"
    if len(text) > MAX_TEXT_CHARS:
        return "text too long", f"the text has {len(text):,} characters, more than {MAX_TEXT_CHARS:,}"
    return None


class ListingsError(InputError):
    """The file as a whole cannot be read (no text column, not CSV, empty...)."""


@dataclass(frozen=True, slots=True)
class Listing:
    line: int
    id: str
    symbol: str
    name: str
    text: str


@dataclass(frozen=True, slots=True)
class Rejected:
    """A row that cannot be scored: ``kind`` for counting, ``reason`` for the person fixing it."""

    line: int
    id: str
    kind: str
    reason: str


def _check_text(text: object, line: int, row_id: str, max_text_chars: int) -> Rejected | None:
    if len(row_id) > MAX_ID_CHARS:
        return Rejected(line, row_id[:MAX_ID_CHARS] + "…", "id too long",
                        f"the id has {len(row_id)} characters, more than {MAX_ID_CHARS}")
    if not isinstance(text, str):
        return Rejected(line, row_id, "malformed row", f"the text is {type(text).__name__}, not a string")
    if len(text) > max_text_chars:
        return Rejected(line, row_id, "text too long", f"the text has {len(text):,} characters, more than {max_text_chars:,}")
    problem = text_problem(text)
    return Rejected(line, row_id, *problem) if problem else None


def read_csv(stream: BinaryIO, text_column: str = "text", id_column: str = "id",
             max_text_chars: int = MAX_TEXT_CHARS) -> Iterator[Listing | Rejected]:
    """Rows of a UTF-8 CSV (BOM allowed; header names matched case-insensitively). A row without
    an id gets its row number. Raises ListingsError for a file-level problem."""
    text_stream = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="surrogateescape", newline="")
    # strict: an unterminated quote or text after a closing quote refuses the file, as the page does.
    reader = csv.reader(text_stream, strict=True)
    try:
        header = next(reader, None)
        if header is None:
            raise ListingsError(f"the file is empty: expected a header row with a {text_column!r} column")
        names = [name.strip().lower() for name in header]
        wanted = {"text": text_column.lower(), "id": id_column.lower(), "symbol": "symbol", "name": "name"}
        for name in wanted.values():
            if names.count(name) > 1:
                raise ListingsError(f"the header names the column {name!r} more than once")
        if wanted["text"] not in names:
            found = ", ".join(repr(n) for n in header) or "none"
            raise ListingsError(f"the CSV has no {text_column!r} column (columns found: {found})")
        position = {role: names.index(name) for role, name in wanted.items() if name in names}
        number = 0
        line = reader.line_num + 1
        for row in reader:
            first_line, line = line, reader.line_num + 1
            if not any(field.strip() for field in row):
                continue
            number += 1

            def field(role: str, row=row) -> str:
                at = position.get(role)
                return row[at] if at is not None and at < len(row) else ""

            row_id = field("id").strip() or str(number)
            if len(row) > len(header):
                yield Rejected(first_line, row_id, "malformed row", f"the row has {len(row)} fields but the header has {len(header)}")
                continue
            problem = _check_text(field("text"), first_line, row_id, max_text_chars)
            yield problem or Listing(first_line, row_id, field("symbol").strip(), field("name").strip(), field("text"))
    except csv.Error as error:
        raise ListingsError(f"the file is not valid CSV at line {reader.line_num}: {error}") from error
    finally:
        text_stream.detach()  # the caller owns (and closes) the binary stream


def read_jsonl(stream: BinaryIO, text_column: str = "text", id_column: str = "id",
               max_text_chars: int = MAX_TEXT_CHARS) -> Iterator[Listing | Rejected]:
    """One JSON object per line; a bad line is rejected, never fatal."""
    for line_number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        try:
            item = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            yield Rejected(line_number, str(line_number), "not UTF-8", "the line has bytes that are not UTF-8")
            continue
        except json.JSONDecodeError as error:
            yield Rejected(line_number, str(line_number), "malformed row", f"the line is not valid JSON: {error.msg}")
            continue
        if not isinstance(item, dict):
            yield Rejected(line_number, str(line_number), "malformed row", "the line is not a JSON object")
            continue
        row_id = str(item.get(id_column) or line_number)
        problem = _check_text(item.get(text_column, ""), line_number, row_id, max_text_chars)
        yield problem or Listing(line_number, row_id, str(item.get("symbol") or ""), str(item.get("name") or ""),
                                 item[text_column])


def reader_for(path_name: str):
    """The reader for a file name's extension."""
    if path_name.lower().endswith((".jsonl", ".ndjson")):
        return read_jsonl
    if path_name.lower().endswith(".csv"):
        return read_csv
    raise ListingsError(f"{path_name}: use a .csv or .jsonl file")
