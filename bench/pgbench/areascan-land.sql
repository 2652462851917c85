-- Floor of GET /api/v1/gebiedsscans?periode=jaar&niveau=land (the whole country as reference): the statements of
-- AreaScans over the per-gemeente sums, for the last complete year and the year before.
BEGIN READ ONLY;
SELECT coalesce(sum(addresses), 0) FROM gemeente_address_count;
SELECT colour, sum(addresses) FROM gemeente_colour_count WHERE colour <> 'GREY' GROUP BY colour;
SELECT source, children_present, sum(records) FROM gemeente_tally WHERE month >= '2025-01-01' AND month < '2026-01-01' GROUP BY source, children_present;
SELECT violence_type, sum(records) FROM gemeente_violence_tally WHERE month >= '2025-01-01' AND month < '2026-01-01' GROUP BY violence_type;
SELECT source, children_present, sum(records) FROM gemeente_tally WHERE month >= '2024-01-01' AND month < '2025-01-01' GROUP BY source, children_present;
SELECT violence_type, sum(records) FROM gemeente_violence_tally WHERE month >= '2024-01-01' AND month < '2025-01-01' GROUP BY violence_type;
COMMIT;
