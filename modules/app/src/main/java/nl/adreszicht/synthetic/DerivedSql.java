package nl.adreszicht.synthetic;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.adreszicht.time.DutchTime;

/**
 * What the application derives from each stored record, computed once in bulk over the synthetic records instead
 * of one recompute per address: the colour as of the generator's day (rules v1 of domain.md section 4, in the order
 * of {@code ColourRule}, with the window counted in Dutch calendar days as {@code ColourPolicy} counts it; the one
 * simplification is that a police incident and a VT melding about the same persons within a day count twice, where
 * the policy counts them once: SyntheticDataTest proves the result equal to the policy's on the smoke data, and the
 * nightly decay recomputes any such address with the policy itself), its history row, the anonymous area tallies (per cell, per violence type, and the per-gemeente sums and colour and
 * address counts the national scan reads) and the retention schedule (the period per source; the youngest-child rule
 * is not applied).
 */
final class DerivedSql {

    private DerivedSql() {}

    /** The zone of every calendar day, as an SQL literal. */
    private static final String DUTCH = "'" + DutchTime.ZONE_ID + "'";

    /** Every synthetic record with the Dutch day it counts on, as each module's ColourRecordSource dates it. */
    private static final String RECORDS = "SELECT i.address_id, i.id, (i.occurred_at AT TIME ZONE " + DUTCH + ")::date"
            + " AS day, i.severity, i.children_present AS kids, i.huisverbod_imposed AS imposed,"
            + " i.huisverbod_broken AS broken, false AS acute, true AS counts"
            + " FROM incident i JOIN address a ON a.id = i.address_id AND a.synthetic"
            + " UNION ALL SELECT m.address_id, m.id, m.received_on, m.severity, m.children_involved, false, false,"
            + " coalesce(m.acute_onveiligheid, false), true"
            + " FROM vt_melding m JOIN address a ON a.id = m.address_id AND a.synthetic"
            + " UNION ALL SELECT r.address_id, r.id, r.occurred_on,"
            + " r.severity, coalesce(r.children_present, false), r.kind = 'huisverbod', coalesce(r.huisverbod_broken, false),"
            + " false, r.kind = 'signaal'"
            + " FROM municipal_record r JOIN address a ON a.id = r.address_id AND a.synthetic";

    /**
     * The colours as of {@code :today}, decided at {@code :computedAt}. A record counts while {@code today - 12 months
     * < day <= today}; a record after today is not history yet; the counted ids are sorted as the policy sorts them.
     */
    private static final String COLOURS =
            "INSERT INTO address_colour (address_id, colour, rules_version, deciding_rule,"
                    + " fired_rules, counted_record_ids, computed_at)"
                    + " WITH facts AS ("
                    + "  SELECT address_id,"
                    + "   count(*) FILTER (WHERE w AND counts) AS n,"
                    + "   count(*) FILTER (WHERE w AND counts AND severity = 'S3') AS s3,"
                    + "   count(*) FILTER (WHERE w AND counts AND severity IN ('S2', 'S3')) AS s2,"
                    + "   count(*) FILTER (WHERE w AND counts AND kids) AS kids,"
                    + "   count(*) FILTER (WHERE w AND counts AND kids AND severity = 'S3') AS s3kids,"
                    + "   coalesce(bool_or(w AND acute), false) AS acute,"
                    + "   coalesce(bool_or(w AND imposed), false) AS imposed,"
                    + "   coalesce(bool_or(w AND broken), false) AS broken,"
                    + "   coalesce(array_agg(id::text ORDER BY id::text COLLATE \"C\")"
                    + "    FILTER (WHERE w AND (counts OR imposed OR broken OR acute)), '{}') AS counted"
                    + "  FROM (SELECT *, day > (:today::date - interval '12 months')::date AS w"
                    + "   FROM (" + RECORDS + ") r WHERE day <= :today::date) x"
                    + "  GROUP BY address_id),"
                    + " fired AS ("
                    + "  SELECT address_id, counted, array_remove(ARRAY["
                    + "   CASE WHEN n >= 5 THEN 'INCIDENT_COUNT_IS_RED' END,"
                    + "   CASE WHEN s3kids >= 1 THEN 'S3_WITH_CHILDREN_IS_RED' END,"
                    + "   CASE WHEN s3 >= 1 AND n >= 2 THEN 'INCIDENTS_WITH_AN_S3_IS_RED' END,"
                    + "   CASE WHEN acute THEN 'ACUTE_ONVEILIGHEID_IS_RED' END,"
                    + "   CASE WHEN broken THEN 'HUISVERBOD_BROKEN_IS_RED' END,"
                    + "   CASE WHEN n >= 3 THEN 'INCIDENT_COUNT_IS_ORANGE' END,"
                    + "   CASE WHEN kids >= 2 THEN 'INCIDENTS_WITH_CHILDREN_IS_ORANGE' END,"
                    + "   CASE WHEN s3 >= 1 THEN 'S3_IS_ORANGE' END,"
                    + "   CASE WHEN imposed THEN 'HUISVERBOD_IMPOSED_IS_ORANGE' END,"
                    + "   CASE WHEN n >= 2 THEN 'INCIDENT_COUNT_IS_YELLOW' END,"
                    + "   CASE WHEN s2 >= 1 THEN 'S2_IS_YELLOW' END,"
                    + "   CASE WHEN kids >= 1 THEN 'CHILDREN_PRESENT_IS_YELLOW' END,"
                    + "   CASE WHEN n >= 1 THEN 'INCIDENT_IN_WINDOW_IS_GREEN' END"
                    + "  ]::text[], NULL) AS rules FROM facts)"
                    + " SELECT address_id,"
                    + "  CASE WHEN rules[1] LIKE '%\\_IS\\_RED' THEN 'RED' WHEN rules[1] LIKE '%\\_IS\\_ORANGE' THEN 'ORANGE'"
                    + "   WHEN rules[1] LIKE '%\\_IS\\_YELLOW' THEN 'YELLOW' WHEN rules[1] LIKE '%\\_IS\\_GREEN' THEN 'GREEN'"
                    + "   ELSE 'GREY' END,"
                    + "  'v1', coalesce(rules[1], 'HISTORY_OUTSIDE_WINDOW_IS_GREY'),"
                    + "  CASE WHEN cardinality(rules) = 0 THEN ARRAY['HISTORY_OUTSIDE_WINDOW_IS_GREY'] ELSE rules END,"
                    + "  counted, :computedAt::timestamptz"
                    + " FROM fired";

    static final String COLOUR_HISTORY = "INSERT INTO address_colour_history (address_id, colour, previous_colour,"
            + " rules_version, deciding_rule, fired_rules, counted_record_ids, computed_at)"
            + " SELECT c.address_id, c.colour, NULL, c.rules_version, c.deciding_rule, c.fired_rules,"
            + " c.counted_record_ids, c.computed_at"
            + " FROM address_colour c JOIN address a ON a.id = c.address_id AND a.synthetic";

    /** The synthetic records' cells of the area tally, once, for record_tally and the per-gemeente sums. */
    static final String TALLY_CELLS = "CREATE TEMPORARY TABLE synthetic_tally AS"
            + " SELECT a.gemeente_code, a.wijk_code, a.buurt_code, a.area_year, date_trunc('month', x.day)::date AS month,"
            + " x.source, x.severity, x.kids AS children_present, count(*)::integer AS records"
            + " FROM (SELECT address_id, (occurred_at AT TIME ZONE " + DUTCH + ")::date AS day,"
            + "   'POLITIE_INCIDENT' AS source, severity, children_present AS kids FROM incident"
            + "  UNION ALL SELECT address_id, received_on, CASE kind WHEN 'melding' THEN 'VT_MELDING' ELSE 'VT_ADVIES' END,"
            + "   severity, children_involved FROM vt_melding"
            + "  UNION ALL SELECT address_id, occurred_on,"
            + "   CASE kind WHEN 'signaal' THEN 'GEMEENTE_SIGNAAL' ELSE 'HUISVERBOD' END, severity,"
            + "   coalesce(children_present, false) FROM municipal_record) x"
            + " JOIN address a ON a.id = x.address_id AND a.synthetic"
            + " GROUP BY 1, 2, 3, 4, 5, 6, 7, 8";

    static final String TALLY_VIOLENCE_CELLS = "CREATE TEMPORARY TABLE synthetic_violence_tally AS"
            + " SELECT a.gemeente_code, a.wijk_code, a.buurt_code, a.area_year, date_trunc('month', x.day)::date AS month,"
            + " x.source, x.code AS violence_type, count(*)::integer AS records"
            + " FROM (SELECT i.address_id, (i.occurred_at AT TIME ZONE " + DUTCH + ")::date AS day,"
            + "   'POLITIE_INCIDENT' AS source, v.code FROM incident i JOIN incident_violence_type v ON v.incident_id = i.id"
            + "  UNION ALL SELECT m.address_id, m.received_on,"
            + "   CASE m.kind WHEN 'melding' THEN 'VT_MELDING' ELSE 'VT_ADVIES' END, v.code"
            + "   FROM vt_melding m JOIN vt_melding_violence_type v ON v.melding_id = m.id"
            + "  UNION ALL SELECT r.address_id, r.occurred_on,"
            + "   CASE r.kind WHEN 'signaal' THEN 'GEMEENTE_SIGNAAL' ELSE 'HUISVERBOD' END, v.code"
            + "   FROM municipal_record r JOIN municipal_record_violence_type v ON v.record_id = r.id) x"
            + " JOIN address a ON a.id = x.address_id AND a.synthetic"
            + " GROUP BY 1, 2, 3, 4, 5, 6, 7";

    static final String TALLY = "INSERT INTO record_tally (gemeente_code, wijk_code, buurt_code, area_year, month,"
            + " source, severity, children_present, records) SELECT * FROM synthetic_tally"
            + " ON CONFLICT ON CONSTRAINT record_tally_cell DO UPDATE SET records = record_tally.records + EXCLUDED.records";

    static final String TALLY_VIOLENCE = "INSERT INTO record_tally_violence_type (gemeente_code, wijk_code, buurt_code,"
            + " area_year, month, source, violence_type, records) SELECT * FROM synthetic_violence_tally"
            + " ON CONFLICT ON CONSTRAINT record_tally_violence_type_cell"
            + " DO UPDATE SET records = record_tally_violence_type.records + EXCLUDED.records";

    /** The per-gemeente sums the national scan reads (kept by the application as records arrive). */
    static final String GEMEENTE_TALLY = "INSERT INTO gemeente_tally (gemeente_code, month, source, children_present,"
            + " records) SELECT gemeente_code, month, source, children_present, sum(records) FROM synthetic_tally"
            + " GROUP BY 1, 2, 3, 4"
            + " ON CONFLICT (gemeente_code, month, source, children_present)"
            + " DO UPDATE SET records = gemeente_tally.records + EXCLUDED.records";

    static final String GEMEENTE_VIOLENCE_TALLY = "INSERT INTO gemeente_violence_tally (gemeente_code, month,"
            + " violence_type, records) SELECT gemeente_code, month, violence_type, sum(records)"
            + " FROM synthetic_violence_tally GROUP BY 1, 2, 3"
            + " ON CONFLICT (gemeente_code, month, violence_type)"
            + " DO UPDATE SET records = gemeente_violence_tally.records + EXCLUDED.records";

    /** The rows kept per buurt and year, and the national stripes (changelog areascan/009), from the same cells. */
    static final String TALLY_YEAR = "INSERT INTO record_tally_year (gemeente_code, tally_year, wijk_code, buurt_code,"
            + " area_year, source, children_present, records) SELECT gemeente_code, extract(year FROM month)::smallint,"
            + " wijk_code, buurt_code, area_year, source, children_present, sum(records) FROM synthetic_tally"
            + " GROUP BY 1, 2, 3, 4, 5, 6, 7 ON CONFLICT ON CONSTRAINT record_tally_year_cell"
            + " DO UPDATE SET records = record_tally_year.records + EXCLUDED.records";

    static final String TALLY_VIOLENCE_YEAR = "INSERT INTO record_tally_violence_type_year (gemeente_code, tally_year,"
            + " wijk_code, buurt_code, area_year, violence_type, records) SELECT gemeente_code,"
            + " extract(year FROM month)::smallint, wijk_code, buurt_code, area_year, violence_type, sum(records)"
            + " FROM synthetic_violence_tally GROUP BY 1, 2, 3, 4, 5, 6"
            + " ON CONFLICT ON CONSTRAINT record_tally_violence_type_year_cell"
            + " DO UPDATE SET records = record_tally_violence_type_year.records + EXCLUDED.records";

    static final String NATIONAL_TALLY = "INSERT INTO national_tally (month, stripe, source, children_present, records)"
            + " SELECT month, substr(gemeente_code, 3)::int % 16, source, children_present, sum(records)"
            + " FROM synthetic_tally GROUP BY 1, 2, 3, 4 ON CONFLICT (month, stripe, source, children_present)"
            + " DO UPDATE SET records = national_tally.records + EXCLUDED.records";

    static final String NATIONAL_VIOLENCE_TALLY = "INSERT INTO national_violence_tally (month, stripe, violence_type,"
            + " records) SELECT month, substr(gemeente_code, 3)::int % 16, violence_type, sum(records)"
            + " FROM synthetic_violence_tally GROUP BY 1, 2, 3 ON CONFLICT (month, stripe, violence_type)"
            + " DO UPDATE SET records = national_violence_tally.records + EXCLUDED.records";

    static final String GEMEENTE_COLOURS = "INSERT INTO gemeente_colour_count (gemeente_code, colour, addresses)"
            + " SELECT a.gemeente_code, c.colour, count(*) FROM address_colour c JOIN address a ON a.id = c.address_id"
            + " WHERE a.synthetic GROUP BY 1, 2"
            + " ON CONFLICT (gemeente_code, colour)"
            + " DO UPDATE SET addresses = gemeente_colour_count.addresses + EXCLUDED.addresses";

    static final String GEMEENTE_ADDRESSES = "INSERT INTO gemeente_address_count SELECT gemeente_code, count(*)"
            + " FROM address WHERE ended_on IS NULL GROUP BY 1"
            + " ON CONFLICT (gemeente_code) DO UPDATE SET addresses = excluded.addresses";

    static final String DROP_CELLS = "DROP TABLE synthetic_tally, synthetic_violence_tally";

    static final String RETENTION = "INSERT INTO retention_schedule (source, record_id, organisation, kept_until,"
            + " basis, rule_version)"
            + " SELECT 'POLITIE_INCIDENT', i.id::text, i.organisation,"
            + "  ((i.registered_at AT TIME ZONE " + DUTCH + ")::date + interval '5 years')::date, 'TERMIJN',"
            + "  'r1-synthetisch' FROM incident i JOIN address a ON a.id = i.address_id AND a.synthetic"
            + " UNION ALL SELECT CASE m.kind WHEN 'melding' THEN 'VT_MELDING' ELSE 'VT_ADVIES' END, m.id::text,"
            + "  coalesce(m.organisation, m.vt_region), (m.received_on + interval '15 years')::date, 'TERMIJN',"
            + "  'r1-synthetisch' FROM vt_melding m JOIN address a ON a.id = m.address_id AND a.synthetic"
            + " UNION ALL SELECT CASE r.kind WHEN 'signaal' THEN 'GEMEENTE_SIGNAAL' ELSE 'HUISVERBOD' END, r.id::text,"
            + "  r.organisation, (r.occurred_on + CASE r.kind WHEN 'signaal' THEN interval '15 years'"
            + "  ELSE interval '5 years' END)::date, 'TERMIJN', 'r1-synthetisch'"
            + "  FROM municipal_record r JOIN address a ON a.id = r.address_id AND a.synthetic"
            + " ON CONFLICT DO NOTHING";

    /** Addresses per buurt for the area scan, recounted from the whole register (it reads only these rows). */
    static final String BUURT_ADDRESSES = "INSERT INTO buurt_address_count SELECT gemeente_code,"
            + " coalesce(wijk_code, ''), coalesce(buurt_code, ''), count(*) FROM address WHERE ended_on IS NULL"
            + " GROUP BY 1, 2, 3"
            + " ON CONFLICT (gemeente_code, wijk_code, buurt_code) DO UPDATE SET addresses = excluded.addresses";

    /** Addresses per buurt and colour for the area scan, recounted from every stored colour. */
    static final String BUURT_COLOURS = "INSERT INTO buurt_colour_count SELECT a.gemeente_code,"
            + " coalesce(a.buurt_code, ''), c.colour, count(*) FROM address_colour c JOIN address a ON a.id = c.address_id"
            + " GROUP BY 1, 2, 3 ON CONFLICT (gemeente_code, buurt_code, colour) DO UPDATE SET addresses = excluded.addresses";

    /**
     * What the monitor keeps as records arrive (module {@code monitor}), in bulk: per record its facts (source, violence
     * types, the chain steps taken on it, and per address whether it is an index event or a repeat under recidive
     * rules r1, with the same simplification as the colours: a police incident and a VT melding about the same event
     * count twice), in the month they fall in. Interventions are not derived.
     */
    static final String MONITOR_FACTS = "CREATE TEMPORARY TABLE synthetic_monitor_fact AS"
            + " WITH rec AS ("
            + "  SELECT address_id, id, (occurred_at AT TIME ZONE " + DUTCH + ")::date AS day,"
            + "   'POLITIE_INCIDENT' AS source FROM incident"
            + "  UNION ALL SELECT address_id, id, received_on,"
            + "   CASE kind WHEN 'melding' THEN 'VT_MELDING' ELSE 'VT_ADVIES' END FROM vt_melding"
            + "  UNION ALL SELECT address_id, id, occurred_on,"
            + "   CASE kind WHEN 'signaal' THEN 'GEMEENTE_SIGNAAL' ELSE 'HUISVERBOD' END FROM municipal_record),"
            + " ev AS (SELECT address_id, day, lag(day) OVER w AS prev, lead(day) OVER w AS next FROM rec"
            + "  WINDOW w AS (PARTITION BY address_id ORDER BY day, id))"
            + " SELECT address_id, date_trunc('month', day)::date AS month, 'bron.' || source AS key, day FROM rec"
            + " UNION ALL SELECT address_id, date_trunc('month', day)::date,"
            + "  CASE WHEN prev IS NOT NULL AND day < prev + interval '12 months' THEN 'recidive.herhaling'"
            + "  ELSE 'recidive.index' END, day FROM ev"
            + " UNION ALL SELECT address_id, date_trunc('month', day)::date, 'recidive.herhaald12', NULL FROM ev"
            + "  WHERE (prev IS NULL OR day >= prev + interval '12 months') AND next < day + interval '12 months'"
            + " UNION ALL SELECT address_id, date_trunc('month', day)::date, 'recidive.herhaald6', NULL FROM ev"
            + "  WHERE (prev IS NULL OR day >= prev + interval '12 months') AND next < day + interval '6 months'"
            + " UNION ALL SELECT i.address_id, date_trunc('month', (i.occurred_at AT TIME ZONE " + DUTCH
            + ")::date)::date,"
            + "  'geweld.' || v.code, NULL FROM incident i JOIN incident_violence_type v ON v.incident_id = i.id"
            + " UNION ALL SELECT m.address_id, date_trunc('month', m.received_on)::date, 'geweld.' || v.code, NULL"
            + "  FROM vt_melding m JOIN vt_melding_violence_type v ON v.melding_id = m.id"
            + " UNION ALL SELECT r.address_id, date_trunc('month', r.occurred_on)::date, 'geweld.' || v.code, NULL"
            + "  FROM municipal_record r JOIN municipal_record_violence_type v ON v.record_id = r.id"
            + " UNION ALL SELECT i.address_id, date_trunc('month', (z.sent_at AT TIME ZONE " + DUTCH + ")::date)::date,"
            + "  'keten.zorgmelding', NULL FROM zorgmelding z JOIN incident i ON i.id = z.incident_id"
            + " UNION ALL SELECT m.address_id, date_trunc('month', (m.assessed_at AT TIME ZONE " + DUTCH
            + ")::date)::date,"
            + "  k.key, NULL FROM vt_melding m CROSS JOIN LATERAL (VALUES ('keten.beoordeling'),"
            + "   ('keten.uitkomst.' || m.assessment_code),"
            + "   (CASE WHEN m.assessment_due IS NULL OR (m.assessed_at AT TIME ZONE " + DUTCH + ")::date"
            + "    <= m.assessment_due THEN 'termijn.beoordeling.optijd' ELSE 'termijn.beoordeling.telaat' END)) k(key)"
            + "  WHERE m.assessed_at IS NOT NULL AND m.assessment_code IS NOT NULL"
            + " UNION ALL SELECT m.address_id,"
            + "  date_trunc('month', (m.investigation_closed_at AT TIME ZONE " + DUTCH + ")::date)::date,"
            + "  CASE WHEN m.investigation_due IS NULL OR (m.investigation_closed_at AT TIME ZONE " + DUTCH + ")::date"
            + "  <= m.investigation_due THEN 'termijn.onderzoek.optijd' ELSE 'termijn.onderzoek.telaat' END, NULL"
            + "  FROM vt_melding m WHERE m.investigation_closed_at IS NOT NULL";

    static final String MONITOR_CATEGORIES = "INSERT INTO monitor_category (key)"
            + " SELECT DISTINCT key FROM synthetic_monitor_fact ON CONFLICT (key) DO NOTHING";

    static final String MONITOR_MONTHS = "INSERT INTO monitor_gemeente_month (gemeente_code, month, category, n)"
            + " SELECT a.gemeente_code, f.month, k.id, count(*) FROM synthetic_monitor_fact f"
            + " JOIN address a ON a.id = f.address_id JOIN monitor_category k ON k.key = f.key GROUP BY 1, 2, 3"
            + " ON CONFLICT (gemeente_code, month, category) DO UPDATE SET n = monitor_gemeente_month.n + excluded.n";

    /** Per address: the repeats in the window up to {@code :today}, and what it added (month * 4096 + category). */
    private static final String MONITOR_ADDRESSES = "INSERT INTO monitor_address (address_id, gemeente_code,"
            + " vt_region, rules_version, repeats, last_event_on, window_changes_on, computed_on, counted)"
            + " SELECT f.address_id, a.gemeente_code, g.region_code, 'r1',"
            + "  count(*) FILTER (WHERE f.key = 'recidive.herhaling' AND f.day > (:today::date - interval '12 months')::date"
            + "   AND f.day <= :today::date),"
            + "  max(f.day) FILTER (WHERE f.day <= :today::date),"
            + "  (min(f.day) FILTER (WHERE f.key = 'recidive.herhaling'"
            + "   AND f.day > (:today::date - interval '12 months')::date AND f.day <= :today::date)"
            + "   + interval '12 months')::date,"
            + "  :today::date,"
            + "  array_agg(((extract(year FROM f.month) * 12 + extract(month FROM f.month) - 1) * 4096 + k.id)::integer)"
            + " FROM synthetic_monitor_fact f JOIN address a ON a.id = f.address_id"
            + " JOIN monitor_category k ON k.key = f.key"
            + " LEFT JOIN vt_region_gemeente g ON g.gemeente_code = a.gemeente_code"
            + " GROUP BY f.address_id, a.gemeente_code, g.region_code"
            + " ON CONFLICT (address_id) DO NOTHING";

    /** The ended months closed: their totals per VT region and of all gemeenten, as {@code MonitorMonths} writes. */
    private static final String MONITOR_CLOSE = "INSERT INTO monitor_total_month (level, code, month, category, n)"
            + " SELECT 'R', r.region_code, g.month, g.category, sum(g.n) FROM monitor_gemeente_month g"
            + " JOIN vt_region_gemeente r ON r.gemeente_code = g.gemeente_code"
            + " WHERE g.month < date_trunc('month', :today::date) GROUP BY 2, 3, 4"
            + " UNION ALL SELECT 'N', 'NL', month, category, sum(n) FROM monitor_gemeente_month"
            + " WHERE month < date_trunc('month', :today::date) GROUP BY 2, 3, 4"
            + " ON CONFLICT (level, code, month, category) DO UPDATE SET n = excluded.n";

    private static final String MONITOR_CLOSED = "INSERT INTO monitor_closed_month (month, closed_at)"
            + " SELECT DISTINCT month, now() FROM monitor_gemeente_month WHERE month < date_trunc('month', :today::date)"
            + " ON CONFLICT (month) DO NOTHING";

    static final String DROP_MONITOR_FACTS = "DROP TABLE synthetic_monitor_fact";

    /** Addresses per colour band over time: +1 in the month an address got a colour (as ColourChanged adds). */
    static final String MONITOR_COLOURS = "INSERT INTO monitor_category (key)"
            + " SELECT 'kleur.' || c FROM unnest(ARRAY['GREEN', 'YELLOW', 'ORANGE', 'RED']) c"
            + " ON CONFLICT (key) DO NOTHING;"
            + " INSERT INTO monitor_gemeente_month (gemeente_code, month, category, n)"
            + " SELECT a.gemeente_code, date_trunc('month', h.computed_at AT TIME ZONE " + DUTCH
            + ")::date, k.id, count(*)"
            + " FROM address_colour_history h JOIN address a ON a.id = h.address_id AND a.synthetic"
            + " JOIN monitor_category k ON k.key = 'kleur.' || h.colour GROUP BY 1, 2, 3"
            + " ON CONFLICT (gemeente_code, month, category) DO UPDATE SET n = monitor_gemeente_month.n + excluded.n";

    /** Every statement in order, for the generator's day and the moment it decides the colours. */
    static List<String> all(LocalDate today, Instant computedAt) {
        // Typed values only (a date and an instant print as ISO text), so the literals cannot carry SQL.
        String colours = COLOURS.replace(":today", "'" + today + "'").replace(":computedAt", "'" + computedAt + "'");
        return List.of(
                colours,
                COLOUR_HISTORY,
                TALLY_CELLS,
                TALLY_VIOLENCE_CELLS,
                TALLY,
                TALLY_VIOLENCE,
                GEMEENTE_TALLY,
                GEMEENTE_VIOLENCE_TALLY,
                TALLY_YEAR,
                TALLY_VIOLENCE_YEAR,
                NATIONAL_TALLY,
                NATIONAL_VIOLENCE_TALLY,
                GEMEENTE_COLOURS,
                GEMEENTE_ADDRESSES,
                BUURT_ADDRESSES,
                BUURT_COLOURS,
                DROP_CELLS,
                RETENTION,
                MONITOR_FACTS,
                MONITOR_CATEGORIES,
                MONITOR_MONTHS,
                MONITOR_COLOURS,
                MONITOR_ADDRESSES.replace(":today", "'" + today + "'"),
                MONITOR_CLOSE.replace(":today", "'" + today + "'"),
                MONITOR_CLOSED.replace(":today", "'" + today + "'"),
                DROP_MONITOR_FACTS);
    }
}
