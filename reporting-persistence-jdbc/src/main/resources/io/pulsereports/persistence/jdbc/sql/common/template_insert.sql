-- Stores a new template; an id that is taken fails (primary key).
INSERT INTO report_templates (
    id, gym_id, name, description, report_type, format, subject, content, is_default,
    created_at, updated_at)
VALUES (
    :id, :gymId, :name, :description, :reportType, :format, :subject, :content, :isDefault,
    :createdAt, :updatedAt)
