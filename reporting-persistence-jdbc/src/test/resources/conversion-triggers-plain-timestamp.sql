-- offer_sent kept as text ('true', '1', 't', 'TRUE', 'false', '0', 'f' or NULL).
CREATE TABLE conversion_triggers (
    trigger_id        text,
    user_id           text,
    trigger_type      text,
    conditions_met    text,
    confidence_scores text,
    triggered_at      timestamp,
    offer_sent        text,
    offer_accepted    text
);
