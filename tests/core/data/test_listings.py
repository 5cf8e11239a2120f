"""Listings read as a stream: each row a listing or a rejection with its line and reason."""

import io

import pytest

from app.core.data.listings import Listing, ListingsError, Rejected, read_csv, read_jsonl


def test_readers_stream_and_count_lines():
    data = b'id,text\r\n1,"multi\nline text"\r\n2,\r\n3,ok\r\n'
    items = list(read_csv(io.BytesIO(data)))
    assert items == [Listing(2, "1", "", "", "multi\nline text"), Rejected(4, "2", "empty text", "the text is empty"),
                     Listing(5, "3", "", "", "ok")]
    with pytest.raises(ListingsError):
        list(read_csv(io.BytesIO(b"")))
    assert [type(i).__name__ for i in read_jsonl(io.BytesIO(b'{"text": "a"}\n[1]\n{"text": 3}\n'))] == ["Listing", "Rejected", "Rejected"]
