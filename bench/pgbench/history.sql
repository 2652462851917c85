-- Floor of GET /api/v1/adressen/{id}/historie: the statements the application runs for one read (captured with
-- logging.level.org.springframework.jdbc.core=DEBUG and org.hibernate.SQL=DEBUG), one round trip each, without
-- HTTP, security, JSON or the JVM. The per-incident and per-record child reads of JPA (persons, violence types)
-- are one join each here, so the floor is the least the database must do. The first line draws a random address
-- from the same list the load driver uses (bench.target), one primary-key probe extra.
\set n random(1, :targets)
SELECT id AS aid FROM bench.target WHERE scenario = 'history' AND n = :n \gset
BEGIN READ ONLY;
SELECT a.id, a.area_year, a.buurt_code, a.gemeente_code AS gem, a.huisletter, a.huisnummer, a.nummeraanduiding_id, a.postcode, a.straat, a.synthetic, a.toevoeging, a.wijk_code, a.woonplaats FROM address a WHERE a.id = :aid \gset
SELECT region_code FROM vt_region_gemeente WHERE gemeente_code = :gem;
COMMIT;
INSERT INTO access_log (kind, action, actor_subject, on_behalf_of, actor_organisation, actor_roles, object_type, object_id, purpose, legal_basis, break_the_glass, origin_ip, origin_client) VALUES ('LEZEN', 'adres.historie.lezen', 'pgbench', NULL, 'veilig-thuis-drenthe', 'vt-medewerker', 'adres', :aid, 'Veilig Thuis-taak', 'Wmo 2015 art. 4.1.1 en 5.2.6', false, '127.0.0.1', 'pgbench');
BEGIN READ ONLY;
SELECT id, colour, previous_colour, deciding_rule, rules_version, computed_at FROM address_colour_history WHERE address_id = :aid;
SELECT id, reason, raised_by_organisation, raised_on, created_at FROM colour_raise WHERE address_id = :aid;
SELECT id, target, reason, review_date, proposed_by_organisation, proposed_at, approved_on FROM colour_lowering WHERE address_id = :aid;
SELECT i.* FROM incident i WHERE i.address_id = :aid;
SELECT p.* FROM incident_person p JOIN incident i ON i.id = p.incident_id WHERE i.address_id = :aid;
SELECT v.* FROM incident_violence_type v JOIN incident i ON i.id = v.incident_id WHERE i.address_id = :aid;
SELECT z.id, z.organisation, z.concern, z.sent_at, z.feedback_code, i.registration_number FROM zorgmelding z JOIN incident i ON i.id = z.incident_id WHERE i.address_id = :aid;
SELECT r.* FROM municipal_record r WHERE r.address_id = :aid;
SELECT v.record_id, v.code FROM municipal_record_violence_type v JOIN municipal_record r ON r.id = v.record_id WHERE r.address_id = :aid;
SELECT m.id, m.kind, m.registration_number, coalesce(m.organisation, r.name, m.vt_region) AS organisation, m.received_at, m.melder_sector, m.reason, m.severity, m.children_involved, m.vervolgmelding, m.assessed_at, m.acute_onveiligheid, m.structurele_onveiligheid, m.assessment_code, m.investigation_started_on, m.investigation_closed_at, m.ended_at, m.end_code FROM vt_melding m LEFT JOIN vt_region r ON r.code = m.vt_region WHERE m.address_id = :aid;
SELECT p.melding_id, p.role, p.relation, p.name, p.birth_date, p.bsn FROM vt_melding_person p JOIN vt_melding m ON m.id = p.melding_id WHERE m.address_id = :aid ORDER BY p.position;
SELECT s.id, s.kind, s.planned_on, s.organisation AS to_organisation, s.note, m.registration_number, coalesce(m.organisation, r.name, m.vt_region) AS organisation FROM vt_vervolgstap s JOIN vt_melding m ON m.id = s.melding_id LEFT JOIN vt_region r ON r.code = m.vt_region WHERE m.address_id = :aid;
COMMIT;
