-- Floor of GET /api/v1/herhaaladressen for VT03 (the first page of 50 by repeats, the default minimum of 3) and its
-- access-log entry: the statement of RepeatAddressList, captured from the application.
BEGIN READ ONLY;
SELECT address_id, gemeente_code, repeats, last_event_on FROM monitor_address WHERE vt_region = ANY('{VT03}'::varchar[]) AND repeats > 0 AND repeats >= 3 ORDER BY repeats DESC, address_id LIMIT 51;
SELECT * FROM recidive_rules_version WHERE active;
COMMIT;
INSERT INTO access_log (kind, action, actor_subject, on_behalf_of, actor_organisation, actor_roles, object_type, object_id, purpose, legal_basis, break_the_glass, origin_ip, origin_client) VALUES ('ZOEKEN', 'herhaaladressen.lezen', 'pgbench', NULL, 'veilig-thuis-drenthe', 'vt-medewerker', 'herhaaladressen', NULL, 'Veilig Thuis-taak', 'Wmo 2015 art. 4.1.1 en 5.2.6', false, '127.0.0.1', 'pgbench');
