-- Takes the database's write lock for the rest of the transaction (a write as its first
-- statement), waiting for another writer up to the busy timeout: sending a trigger holds it, so
-- concurrent runs take turns. Changes nothing.
UPDATE conversion_triggers SET offer_sent = offer_sent WHERE trigger_id = :triggerId AND user_id = :userId
