"""PostgreSQL, for replicas that share one audit log (``HOWEY_DB=postgresql://...``; the driver is
the ``postgres`` extra). Each process keeps a small psycopg 3 connection pool; every write takes one
transaction-scoped advisory lock first, the PostgreSQL counterpart of SQLite's ``BEGIN IMMEDIATE``:
writers from every worker of every replica queue for it, so rows commit in id order (a cursor never
skips a row committed late) and the times taken under it, by the server's clock, rise with the ids.
The lock is held for one short transaction (a few inserts and a commit), and the pool waits at most
the store's timeout for a connection or the lock before the write fails with a 503."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from contextlib import contextmanager
from functools import lru_cache

import psycopg
from psycopg.conninfo import conninfo_to_dict
from psycopg_pool import ConnectionPool, PoolTimeout

from app.core.errors import StoreUnavailable
from app.store.database import DEFAULT_POOL_SIZE, DEFAULT_TIMEOUT_SECONDS

log = logging.getLogger("howey")

# The advisory lock every writer takes: "howey" in ASCII, a key no other user of a shared database
# is likely to take.
WRITE_LOCK_KEY = int.from_bytes(b"howey", "big")
_TAKE_WRITE_LOCK = "SELECT pg_advisory_xact_lock(%s)"
# The lock, then the server's clock in the fixed-width form ``utc_timestamp`` writes: one round trip.
# The function in FROM runs before the select list, so the time is read once the lock is held.
_TAKE_WRITE_LOCK_AND_TIME = """SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
FROM pg_advisory_xact_lock(%s)"""


@lru_cache(maxsize=256)
def psycopg_query(query: str) -> str:
    """The stores' qmark query with psycopg's placeholders (a literal % doubled)."""
    return query.replace("%", "%%").replace("?", "%s")


class PostgresTransaction:
    def __init__(self, connection: psycopg.Connection, locked_at: str):
        self._connection = connection
        self._locked_at = locked_at

    def execute(self, query: str, parameters: Sequence = ()) -> list[tuple]:
        cursor = self._connection.execute(psycopg_query(query), parameters)
        return cursor.fetchall() if cursor.description else []

    def execute_many(self, query: str, rows: Sequence[Sequence]) -> None:
        with self._connection.cursor() as cursor:
            cursor.executemany(psycopg_query(query), rows)

    def now(self) -> str:
        """When this transaction took the write lock: no round trip while it is held."""
        return self._locked_at


class PostgresDatabase:
    dialect = "postgresql"

    def __init__(self, url: str, timeout: float = DEFAULT_TIMEOUT_SECONDS, pool_size: int = DEFAULT_POOL_SIZE):
        try:
            database_name = conninfo_to_dict(url).get("dbname") or "(the user's)"
        except psycopg.ProgrammingError as error:
            raise StoreUnavailable("HOWEY_DB is not a PostgreSQL URL the driver can read (postgresql://user:password@"
                                   f"host:port/database): {str(error).replace(url, 'HOWEY_DB').strip()}") from None
        self.name = f"{database_name} on PostgreSQL"
        self._timeout = timeout
        self._pool = ConnectionPool(url, min_size=1, max_size=pool_size, timeout=timeout, open=False, name="howey",
                                    configure=self._configure, check=ConnectionPool.check_connection)
        try:
            self._pool.open(wait=True, timeout=timeout)
        except PoolTimeout:
            self._pool.close()
            raise StoreUnavailable(f"cannot open the database {self.name}: no connection within {timeout:g} s "
                                   "(is the server up, and are the URL's host, user and password right?)") from None

    def _configure(self, connection: psycopg.Connection) -> None:
        """Bound every wait by the store's timeout (a statement gets twice that, so a wait for the
        write lock reports itself as such), and a transaction a dead client left open; and never
        acknowledge a row before the server has it on disk: a database whose default is
        ``synchronous_commit=off`` gets ``on`` for our sessions (a stronger setting, such as
        remote_apply, is kept)."""
        connection.autocommit = True
        milliseconds = int(self._timeout * 1000)
        connection.execute(f"SET lock_timeout = {milliseconds}")
        connection.execute(f"SET statement_timeout = {2 * milliseconds}")
        # A replica that dies mid-write (its machine gone, no connection reset) holds the write lock
        # no longer than this: the server ends the session and every other replica writes again.
        connection.execute(f"SET idle_in_transaction_session_timeout = {milliseconds}")
        if connection.execute("SHOW synchronous_commit").fetchone()[0] == "off":
            connection.execute("SET synchronous_commit = on")
        connection.autocommit = False

    @contextmanager
    def writing(self):
        try:
            with self._pool.connection() as connection:  # commits on leaving, rolls back on an error
                [(locked_at,)] = connection.execute(_TAKE_WRITE_LOCK_AND_TIME, (WRITE_LOCK_KEY,)).fetchall()
                yield PostgresTransaction(connection, locked_at)
        except psycopg.Error as error:
            raise StoreUnavailable(f"cannot write the database {self.name}: {self._reason(error)}") from error

    def read(self, query: str, parameters: Sequence = ()) -> list[tuple]:
        try:
            with self._pool.connection() as connection:
                return connection.execute(psycopg_query(query), parameters).fetchall()
        except psycopg.Error as error:
            raise StoreUnavailable(f"cannot read the database {self.name}: {self._reason(error)}") from error

    def probe(self, wait: float = 1.0) -> str | None:
        try:
            with self._pool.connection(timeout=wait) as connection:
                connection.execute("SELECT set_config('lock_timeout', %s, true), set_config('statement_timeout', %s, true)",
                                   (f"{int(wait * 1000)}ms", f"{int(2 * wait * 1000)}ms"))
                connection.execute(_TAKE_WRITE_LOCK, (WRITE_LOCK_KEY,))
                read_only = connection.execute("SELECT current_setting('transaction_read_only')").fetchone()[0]
                connection.rollback()
        except psycopg.Error as error:
            return f"the database {self.name} cannot be written: {self._reason(error)}"
        if read_only == "on":
            return f"the database {self.name} cannot be written: the server is read-only (a standby?)"
        return None

    def close(self) -> None:
        self._pool.close()

    def _reason(self, error: psycopg.Error) -> str:
        """The server's own words where it gave some; otherwise a plain reason that names no host
        (the whole error goes to the server's log)."""
        log.warning("PostgreSQL %s: %s", self.name, error)
        if isinstance(error, PoolTimeout):
            return "no connection in time (is the server up, or is every connection busy?)"
        return error.diag.message_primary or "the connection to the server failed"
