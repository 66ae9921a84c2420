-- Indexes for reading every branch's activity of a period at once (the all-branches batch):
-- those statements filter on the time range alone and group by gym_id, branch_id.

CREATE INDEX idx_call_logs_created ON call_logs (created_at);
CREATE INDEX idx_leads_created ON leads (created_at);
CREATE INDEX idx_leads_status_updated ON leads (lead_status, updated_at);
