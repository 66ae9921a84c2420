-- offer_sent as different clients write it to SQLite: 1/0, 'true', 't', 'TRUE', 'f', NULL.
CREATE TABLE conversion_triggers (
    trigger_id        TEXT,
    user_id           TEXT,
    trigger_type      TEXT,
    conditions_met    TEXT,
    confidence_scores TEXT,
    triggered_at      TEXT,
    offer_sent        BOOLEAN,
    offer_accepted    BOOLEAN
);
