-- Leads of the scope (any creation date) now converted whose updated_at is in [from, to).
-- {groups}/{groupBy}: empty for one scope; "gym_id, branch_id, " and its GROUP BY for every branch.
SELECT {groups}count(*) AS n
FROM leads
WHERE {scope}
  AND lead_status = 'converted'
  AND updated_at >= :coarseFrom AND updated_at < :coarseTo
  AND datetime(updated_at) >= :from AND datetime(updated_at) < :to
{groupBy}
