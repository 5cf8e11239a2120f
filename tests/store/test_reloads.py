"""The channel through which a model reload reaches every worker."""

from app.store.database import Database
from app.store.reloads import ReloadChannel


def test_reload_generations_rise(tmp_path):
    channel = ReloadChannel(Database(tmp_path / "audit.db"))
    assert channel.latest() == 0
    first = channel.announce("req", "v1")
    assert channel.latest() == first < channel.announce("req", "v2")


def test_every_worker_sees_the_latest_generation(tmp_path):
    """Each worker opens the file on its own; an announcement in one is the latest in all."""
    one, other = ReloadChannel(Database(tmp_path / "audit.db")), ReloadChannel(Database(tmp_path / "audit.db"))
    generation = one.announce("req", "v1")
    assert other.latest() == generation
