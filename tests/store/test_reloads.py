"""The channel through which a model reload reaches every worker and replica, on both stores."""

from app.store.database import open_database
from app.store.reloads import ReloadChannel


def test_reload_generations_rise(db_target):
    database = open_database(db_target)
    channel = ReloadChannel(database)
    assert channel.latest() == 0
    first = channel.announce("req", "v1")
    assert channel.latest() == first < channel.announce("req", "v2")
    database.close()


def test_every_worker_sees_the_latest_generation(db_target):
    """Each worker (or replica) opens the database on its own; an announcement in one is the latest in all."""
    one, other = open_database(db_target), open_database(db_target)
    generation = ReloadChannel(one).announce("req", "v1")
    assert ReloadChannel(other).latest() == generation
    one.close()
    other.close()
