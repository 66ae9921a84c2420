-- The indexes the module README asks a user's own learning tables to have.
CREATE INDEX coaching_sessions_started ON coaching_sessions (started_at);
CREATE INDEX coaching_sessions_user_started ON coaching_sessions (user_id, started_at);
CREATE INDEX detected_errors_detected ON detected_errors (detected_at);
CREATE INDEX conversion_triggers_triggered ON conversion_triggers (triggered_at);
