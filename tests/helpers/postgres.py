"""PostgreSQL for the tests that run on both stores. ``HOWEY_TEST_POSTGRES_URL`` names a server
(``.ci/postgres-cluster start DIR`` starts a throwaway one, as ``.ci/run`` does); each test gets a
database of its own, dropped after it. Without the variable those cases skip and say why, unless
``HOWEY_TEST_REQUIRE_POSTGRES`` is set (CI sets it), where they fail instead."""

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

import psycopg
import pytest
from psycopg import sql

SERVER_VARIABLE = "HOWEY_TEST_POSTGRES_URL"
REQUIRED_VARIABLE = "HOWEY_TEST_REQUIRE_POSTGRES"


def postgres_server() -> str:
    """The test server's URL; skips the test without one (fails it where CI requires one)."""
    url = os.environ.get(SERVER_VARIABLE, "").strip()
    if not url:
        reason = (f"no PostgreSQL server for the tests: set {SERVER_VARIABLE} "
                  "(`.ci/postgres-cluster start DIR` starts one and prints its URL)")
        if os.environ.get(REQUIRED_VARIABLE):
            pytest.fail(f"{reason}; {REQUIRED_VARIABLE} is set, so PostgreSQL is required here")
        pytest.skip(reason)
    return url


@contextmanager
def fresh_postgres_database() -> Iterator[str]:
    """A new, empty database on the test server, as a postgresql:// URL; dropped on leaving."""
    server = postgres_server()
    name = f"howey_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield urlsplit(server)._replace(path=f"/{name}").geturl()
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
