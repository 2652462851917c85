-- Floor of POST /api/v1/incidenten: the statements the application runs for one registration (captured with SQL
-- logging), in its transaction: the checks, the insert of the incident with two betrokkenen and one violence type,
-- retention, the area tally, the colour recompute of the address (its records of every source read again, the
-- colour and its history written) and signal matching (the address's history read again); then the access-log
-- entry in a transaction of its own. One round trip per statement, no HTTP, security, JSON or JVM. The
-- registration number is unique per client and transaction, as the API needs it.
\set n random(1, :targets)
SELECT id AS aid FROM bench.target WHERE scenario = 'register' AND n = :n \gset
BEGIN;
SELECT count(*) FROM address a1_0 WHERE a1_0.id = :aid;
SELECT vt1_0.code, vt1_0.group_code, vt1_0.label_en, vt1_0.label_nl, vt1_0.sort_order, vt1_0.valid_from, vt1_0.valid_until FROM violence_type vt1_0 WHERE vt1_0.code = 'partnergeweld';
SELECT 'PGB-' || :client_id::text || '-' || txid_current() AS reg, gen_random_uuid() AS iid \gset
SELECT i1_0.id FROM incident i1_0 WHERE i1_0.organisation = 'politie-noord-nederland' AND i1_0.registration_number = :reg;
INSERT INTO incident (aangifte, address_id, alcohol_drugs, children_present, content_hash, huisverbod_broken, huisverbod_imposed, injury, occurred_at, occurred_zone, organisation, registered_at, registered_by, registration_number, severity, summary, weapon, zorgmelding, id) VALUES (false, :aid, true, true, repeat('a', 64), false, false, false, '2026-03-14T22:15:00+01:00', 'Europe/Amsterdam', 'politie-noord-nederland', now(), 'pgbench', :reg, 'S2', 'Proefincident', false, false, :iid);
INSERT INTO incident_person (birth_date, bsn, incident_id, name, position, relation, role, id) VALUES ('1990-05-01', NULL, :iid, 'Proefpersoon A', 0, 'partner', 'slachtoffer', gen_random_uuid());
INSERT INTO incident_person (birth_date, bsn, incident_id, name, position, relation, role, id) VALUES ('1988-02-11', NULL, :iid, 'Proefpersoon B', 1, 'partner', 'pleger', gen_random_uuid());
INSERT INTO incident_violence_type (incident_id, code) VALUES (:iid, 'partnergeweld');
INSERT INTO retention_schedule (source, record_id, organisation, kept_until, basis, rule_version) VALUES ('POLITIE_INCIDENT', :iid, 'politie-noord-nederland', current_date + 1826, 'TERMIJN', 'r1') ON CONFLICT (source, record_id) DO NOTHING;
SELECT kept_until FROM retention_schedule WHERE source = 'POLITIE_INCIDENT' AND record_id = :iid;
SELECT a1_0.gemeente_code AS gem, a1_0.wijk_code AS wk, a1_0.buurt_code AS bu, a1_0.area_year AS ay FROM address a1_0 WHERE a1_0.id = :aid \gset
INSERT INTO record_tally (gemeente_code, wijk_code, buurt_code, area_year, month, source, severity, children_present, records) VALUES (:gem, nullif(:wk, ''), nullif(:bu, ''), nullif(:ay::text, '')::smallint, '2026-03-01', 'POLITIE_INCIDENT', 'S2', true, 1) ON CONFLICT ON CONSTRAINT record_tally_cell DO UPDATE SET records = record_tally.records + 1;
SELECT 1 FROM address WHERE id = :aid FOR NO KEY UPDATE;
SELECT i.* FROM incident i WHERE i.address_id = :aid;
SELECT p.* FROM incident_person p JOIN incident i ON i.id = p.incident_id WHERE i.address_id = :aid;
SELECT r.* FROM municipal_record r WHERE r.address_id = :aid;
SELECT v.record_id, v.code FROM municipal_record_violence_type v JOIN municipal_record r ON r.id = v.record_id WHERE r.address_id = :aid;
SELECT p.melding_id, p.name, p.birth_date, p.bsn FROM vt_melding_person p JOIN vt_melding m ON m.id = p.melding_id WHERE m.address_id = :aid;
SELECT id, kind, received_on, severity, children_involved, coalesce(acute_onveiligheid, false) AS acute FROM vt_melding WHERE address_id = :aid;
SELECT reason, raised_by, raised_on FROM colour_raise WHERE address_id = :aid;
SELECT id, target, reason, review_date, reviewed_record_ids, proposed_by, proposed_on, approved_by, approved_on FROM colour_lowering WHERE address_id = :aid AND approved_by IS NOT NULL;
SELECT * FROM colour_rules_version WHERE active;
SELECT colour FROM address_colour WHERE address_id = :aid;
INSERT INTO address_colour (address_id, colour, rules_version, deciding_rule, fired_rules, counted_record_ids, computed_at) VALUES (:aid, 'YELLOW', 'v1', 'S2_IS_YELLOW', string_to_array('S2_IS_YELLOW', ','), ARRAY[:iid::text], now()) ON CONFLICT (address_id) DO UPDATE SET colour = excluded.colour, rules_version = excluded.rules_version, deciding_rule = excluded.deciding_rule, fired_rules = excluded.fired_rules, counted_record_ids = excluded.counted_record_ids, computed_at = excluded.computed_at;
INSERT INTO address_colour_history (address_id, colour, previous_colour, rules_version, deciding_rule, fired_rules, counted_record_ids, computed_at) VALUES (:aid, 'YELLOW', 'GREY', 'v1', 'S2_IS_YELLOW', string_to_array('S2_IS_YELLOW', ','), ARRAY[:iid::text], now());
SELECT id, colour, previous_colour, deciding_rule, rules_version, computed_at FROM address_colour_history WHERE address_id = :aid;
SELECT id, reason, raised_by_organisation, raised_on, created_at FROM colour_raise WHERE address_id = :aid;
SELECT id, target, reason, review_date, proposed_by_organisation, proposed_at, approved_on FROM colour_lowering WHERE address_id = :aid;
SELECT i.* FROM incident i WHERE i.address_id = :aid;
SELECT z.id, z.organisation, z.concern, z.sent_at, z.feedback_code, i.registration_number FROM zorgmelding z JOIN incident i ON i.id = z.incident_id WHERE i.address_id = :aid;
SELECT r.* FROM municipal_record r WHERE r.address_id = :aid;
SELECT m.id, m.kind, m.registration_number, coalesce(m.organisation, r.name, m.vt_region) AS organisation, m.received_at, m.melder_sector, m.reason, m.severity, m.children_involved, m.vervolgmelding, m.assessed_at, m.acute_onveiligheid, m.structurele_onveiligheid, m.assessment_code, m.investigation_started_on, m.investigation_closed_at, m.ended_at, m.end_code FROM vt_melding m LEFT JOIN vt_region r ON r.code = m.vt_region WHERE m.address_id = :aid;
SELECT p.melding_id, p.role, p.relation, p.name, p.birth_date, p.bsn FROM vt_melding_person p JOIN vt_melding m ON m.id = p.melding_id WHERE m.address_id = :aid ORDER BY p.position;
SELECT s.id, s.kind, s.planned_on, s.organisation AS to_organisation, s.note, m.registration_number, coalesce(m.organisation, r.name, m.vt_region) AS organisation FROM vt_vervolgstap s JOIN vt_melding m ON m.id = s.melding_id LEFT JOIN vt_region r ON r.code = m.vt_region WHERE m.address_id = :aid;
INSERT INTO signal_match (id, address_id, organisation, other_organisation, first_at, last_at) VALUES (gen_random_uuid(), :aid, 'politie-noord-nederland', 'veilig-thuis-drenthe', now(), now()) ON CONFLICT (address_id, organisation, other_organisation) DO UPDATE SET last_at = excluded.last_at;
INSERT INTO signal_match (id, address_id, organisation, other_organisation, first_at, last_at) VALUES (gen_random_uuid(), :aid, 'veilig-thuis-drenthe', 'politie-noord-nederland', now(), now()) ON CONFLICT (address_id, organisation, other_organisation) DO UPDATE SET last_at = excluded.last_at;
COMMIT;
INSERT INTO access_log (kind, action, actor_subject, on_behalf_of, actor_organisation, actor_roles, object_type, object_id, purpose, legal_basis, break_the_glass, origin_ip, origin_client) VALUES ('AANMAKEN', 'incidenten.registreren', 'pgbench', NULL, 'politie-noord-nederland', 'politie-medewerker', 'incident', :iid, 'politietaak', 'Wet politiegegevens art. 8 en 13', false, '127.0.0.1', 'pgbench');
