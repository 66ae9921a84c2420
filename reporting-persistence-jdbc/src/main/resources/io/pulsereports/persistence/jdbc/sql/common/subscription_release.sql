-- Gives a claimed subscription back unrun, only while the lease is still the claimer's.
UPDATE report_subscriptions
SET locked_by    = NULL,
    locked_until = NULL
WHERE id = :id
  AND locked_by = :owner
  AND locked_until = :until
