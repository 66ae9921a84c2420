-- Leads of the scope (any creation date) now converted whose updated_at is in [from, to).
SELECT count(*)
FROM leads
WHERE gym_id = :gymId {branchFilter}
  AND lead_status = 'converted'
  AND updated_at >= :from AND updated_at < :to
