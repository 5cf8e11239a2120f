-- The reload signal between workers and replicas (app/store/reloads.py).
CREATE TABLE IF NOT EXISTS model_reloads (
    id {{id}},
    reloaded_at TEXT NOT NULL,
    request_id TEXT NOT NULL,
    model_version TEXT NOT NULL
)
