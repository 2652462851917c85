-- Floor of GET /api/v1/gebiedsscans?periode=jaar (niveau buurt, the analist's own gemeente, -D gem=GMnnnn): the
-- statements of AreaScans for one gemeente, for the last complete year and the year before. No access-log entry:
-- a disclosure-controlled scan is not personal data (docs/privacy/disclosure-control.md).
BEGIN READ ONLY;
SELECT nullif(wijk_code, ''), nullif(buurt_code, ''), addresses FROM buurt_address_count WHERE gemeente_code = :gem AND addresses > 0;
SELECT buurt_code, colour, addresses FROM buurt_colour_count WHERE gemeente_code = :gem AND colour <> 'GREY' AND addresses > 0;
SELECT coalesce(buurt_code, '') AS buurt, source, children_present, sum(records) FROM record_tally WHERE gemeente_code = :gem AND month >= '2025-01-01' AND month < '2026-01-01' GROUP BY buurt_code, source, children_present;
SELECT coalesce(buurt_code, '') AS buurt, violence_type, sum(records) FROM record_tally_violence_type WHERE gemeente_code = :gem AND month >= '2025-01-01' AND month < '2026-01-01' GROUP BY buurt_code, violence_type;
SELECT coalesce(buurt_code, '') AS buurt, source, children_present, sum(records) FROM record_tally WHERE gemeente_code = :gem AND month >= '2024-01-01' AND month < '2025-01-01' GROUP BY buurt_code, source, children_present;
SELECT coalesce(buurt_code, '') AS buurt, violence_type, sum(records) FROM record_tally_violence_type WHERE gemeente_code = :gem AND month >= '2024-01-01' AND month < '2025-01-01' GROUP BY buurt_code, violence_type;
COMMIT;
