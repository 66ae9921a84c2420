CREATE TABLE conversion_triggers (
    trigger_id        text,
    user_id           text,
    trigger_type      text,
    conditions_met    jsonb,
    confidence_scores jsonb,
    triggered_at      timestamptz,
    offer_sent        boolean,
    offer_accepted    boolean
);
