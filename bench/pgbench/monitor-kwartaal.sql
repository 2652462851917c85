-- Floor of GET /api/v1/monitorcijfers for one gemeente over five years (the analist's own, :gem), beside its VT
-- region and all gemeenten: the statements of MonitorReads, captured from the application (every month of the range
-- closed, so no open month is summed; :from and :until the five years before the running quarter, set by run.sh). The
-- protection itself (DisclosureControl per block) has no floor here.
BEGIN READ ONLY;
SELECT id, key FROM monitor_category;
SELECT month, category, n FROM monitor_gemeente_month WHERE gemeente_code = :gem AND month < :until AND (month >= :from OR category = ANY((SELECT array_agg(id) FROM monitor_category WHERE key LIKE 'kleur.%')::smallint[]));
SELECT month FROM monitor_closed_month WHERE month < :until;
SELECT min(month) FROM monitor_gemeente_month;
SELECT month, category, n FROM monitor_total_month WHERE level = 'R' AND code = (SELECT region_code FROM vt_region_gemeente WHERE gemeente_code = :gem) AND month < :until AND (month >= :from OR category = ANY((SELECT array_agg(id) FROM monitor_category WHERE key LIKE 'kleur.%')::smallint[]));
SELECT month, category, n FROM monitor_total_month WHERE level = 'N' AND code = 'NL' AND month < :until AND (month >= :from OR category = ANY((SELECT array_agg(id) FROM monitor_category WHERE key LIKE 'kleur.%')::smallint[]));
SELECT gemeente_code, addresses FROM gemeente_address_count WHERE addresses > 0;
COMMIT;
