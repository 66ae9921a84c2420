-- Replaces every column of a template but id and created_at, only if the row still has the
-- updated_at its writer read (compare and set: a writer that lost a race matches nothing and
-- changes nothing).
UPDATE report_templates
SET gym_id      = :gymId,
    name        = :name,
    description = :description,
    report_type = :reportType,
    format      = :format,
    subject     = :subject,
    content     = :content,
    is_default  = :isDefault,
    updated_at  = :updatedAt
WHERE id = :id
  AND updated_at = :expectedUpdatedAt
