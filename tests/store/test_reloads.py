"""The channel through which a model reload reaches every worker and replica, on both stores."""

from app.store.database import open_database
from app.store.reloads import ReloadChannel


def test_reload_generations_rise(db_target):
    channel = ReloadChannel(open_database(db_target))
    assert channel.latest() == 0
    first = channel.announce("req", "v1")
    assert channel.latest() == first < channel.announce("req", "v2")


def test_every_worker_sees_the_latest_generation(db_target):
    """Each worker (or replica) opens the database on its own; an announcement in one is the latest in all."""
    one, other = ReloadChannel(open_database(db_target)), ReloadChannel(open_database(db_target))
    generation = one.announce("req", "v1")
    assert other.latest() == generation
