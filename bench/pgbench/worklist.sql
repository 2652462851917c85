-- Floor of GET /api/v1/werkvoorraad for VT03: the open cases with their recidive check, the colour escalation
-- check of all open cases' addresses in one statement (as the application does since the batching fix), the
-- zorgmelding inbox, and the access-log entry.
BEGIN READ ONLY;
SELECT m.id, m.kind, m.registration_number, m.address_id, m.received_at, m.vervolgmelding, m.assessment_due, m.assessment_code, m.investigation_started_on, m.investigation_due, m.investigation_closed_at, m.colour_mark, EXISTS (SELECT 1 FROM vt_melding e WHERE e.address_id = m.address_id AND e.id <> m.id AND e.received_at < m.received_at AND e.received_at >= m.received_at - interval '12 months') AS recidive FROM vt_melding m WHERE m.vt_region = 'VT03' AND m.ended_at IS NULL;
SELECT DISTINCT h.address_id FROM vt_melding m JOIN address_colour_history h ON h.address_id = m.address_id AND h.id > m.colour_mark WHERE m.vt_region = 'VT03' AND m.ended_at IS NULL AND CASE h.colour WHEN 'GREEN' THEN 1 WHEN 'YELLOW' THEN 2 WHEN 'ORANGE' THEN 3 WHEN 'RED' THEN 4 ELSE 0 END > CASE h.previous_colour WHEN 'GREEN' THEN 1 WHEN 'YELLOW' THEN 2 WHEN 'ORANGE' THEN 3 WHEN 'RED' THEN 4 ELSE 0 END;
SELECT zorgmelding_id, address_id, sent_at FROM vt_zorgmelding_inbox WHERE vt_region = 'VT03' ORDER BY sent_at;
COMMIT;
INSERT INTO access_log (kind, action, actor_subject, on_behalf_of, actor_organisation, actor_roles, object_type, object_id, purpose, legal_basis, break_the_glass, origin_ip, origin_client) VALUES ('ZOEKEN', 'werkvoorraad.lezen', 'pgbench', NULL, 'veilig-thuis-drenthe', 'vt-medewerker', 'werkvoorraad', NULL, 'Veilig Thuis-taak', 'Wmo 2015 art. 4.1.1 en 5.2.6', false, '127.0.0.1', 'pgbench');
