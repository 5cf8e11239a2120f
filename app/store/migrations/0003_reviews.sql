-- Analysts' reviews of served scores (app/store/reviews.py).
CREATE TABLE IF NOT EXISTS reviews (
    id {{id}},
    review_id TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    request_id TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    decision TEXT NOT NULL,
    investment_of_money TEXT,
    common_enterprise TEXT,
    expectation_of_profits TEXT,
    efforts_of_others TEXT,
    note TEXT,
    text TEXT
);
CREATE INDEX IF NOT EXISTS reviews_request ON reviews (request_id)
