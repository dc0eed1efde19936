-- One alert can cover several pairs of values (a new figure against two earlier values of the same
-- originator): every pair it covers is recorded, so none of them alerts again.
CREATE TABLE alert_keys (
  dedupe_key TEXT PRIMARY KEY,
  alert_id   INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE
);
CREATE INDEX alert_keys_alert ON alert_keys(alert_id);
INSERT INTO alert_keys (dedupe_key, alert_id) SELECT dedupe_key, id FROM alerts;
