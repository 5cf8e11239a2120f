-- The audit trail: one row per score served (app/store/audit.py). IF NOT EXISTS: a file made before
-- the migrations were versioned already has it.
CREATE TABLE IF NOT EXISTS scores (
    id {{id}},
    scored_at TEXT NOT NULL,
    request_id TEXT NOT NULL,
    item_id TEXT,
    model_version TEXT NOT NULL,
    text_sha256 TEXT NOT NULL,
    risk_score DOUBLE PRECISION NOT NULL,
    risk_level TEXT NOT NULL,
    investment_of_money TEXT NOT NULL,
    common_enterprise TEXT NOT NULL,
    expectation_of_profits TEXT NOT NULL,
    efforts_of_others TEXT NOT NULL,
    text TEXT
);
CREATE INDEX IF NOT EXISTS scores_scored_at ON scores (scored_at);
CREATE INDEX IF NOT EXISTS scores_request ON scores (request_id)
