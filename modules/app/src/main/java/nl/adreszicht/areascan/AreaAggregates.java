package nl.adreszicht.areascan;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * For bulk loads that write records, colours and addresses in SQL rather than through the recording modules (the
 * synthetic data generator, a migration): brings the counts kept per gemeente in line with the tallies, colours and
 * addresses they summarise, once, after the load. Never needed in normal operation, where every record, colour
 * change and import keeps them up to date as it happens.
 */
@Service
class AreaAggregates {

    private final JdbcTemplate jdbc;
    private final GemeenteCounts counts;

    AreaAggregates(JdbcTemplate jdbc, GemeenteCounts counts) {
        this.jdbc = jdbc;
        this.counts = counts;
    }

    /** Recomputes every count kept per gemeente from what it summarises. */
    @Transactional
    public void rebuildAfterBulkLoad() {
        jdbc.update("INSERT INTO gemeente_tally (gemeente_code, month, source, children_present, records)"
                + " SELECT gemeente_code, month, source, children_present, sum(records) FROM record_tally"
                + " GROUP BY 1, 2, 3, 4 ON CONFLICT (gemeente_code, month, source, children_present)"
                + " DO UPDATE SET records = excluded.records");
        jdbc.update("INSERT INTO gemeente_violence_tally (gemeente_code, month, violence_type, records)"
                + " SELECT gemeente_code, month, violence_type, sum(records) FROM record_tally_violence_type"
                + " GROUP BY 1, 2, 3 ON CONFLICT (gemeente_code, month, violence_type)"
                + " DO UPDATE SET records = excluded.records");
        // The rows kept per year and the national stripes, from the monthly cells they sum (changelog areascan/009).
        jdbc.update("INSERT INTO record_tally_year (gemeente_code, tally_year, wijk_code, buurt_code, area_year,"
                + " source, children_present, records) SELECT gemeente_code, extract(year FROM month)::smallint,"
                + " wijk_code, buurt_code, area_year, source, children_present, sum(records) FROM record_tally"
                + " GROUP BY 1, 2, 3, 4, 5, 6, 7 ON CONFLICT ON CONSTRAINT record_tally_year_cell"
                + " DO UPDATE SET records = excluded.records");
        jdbc.update("INSERT INTO record_tally_violence_type_year (gemeente_code, tally_year, wijk_code, buurt_code,"
                + " area_year, violence_type, records) SELECT gemeente_code, extract(year FROM month)::smallint,"
                + " wijk_code, buurt_code, area_year, violence_type, sum(records) FROM record_tally_violence_type"
                + " GROUP BY 1, 2, 3, 4, 5, 6 ON CONFLICT ON CONSTRAINT record_tally_violence_type_year_cell"
                + " DO UPDATE SET records = excluded.records");
        jdbc.update("INSERT INTO national_tally (month, stripe, source, children_present, records)"
                + " SELECT month, substr(gemeente_code, 3)::int % 16, source, children_present, sum(records)"
                + " FROM gemeente_tally GROUP BY 1, 2, 3, 4 ON CONFLICT (month, stripe, source, children_present)"
                + " DO UPDATE SET records = excluded.records");
        jdbc.update("INSERT INTO national_violence_tally (month, stripe, violence_type, records)"
                + " SELECT month, substr(gemeente_code, 3)::int % 16, violence_type, sum(records)"
                + " FROM gemeente_violence_tally GROUP BY 1, 2, 3 ON CONFLICT (month, stripe, violence_type)"
                + " DO UPDATE SET records = excluded.records");
        jdbc.update("UPDATE gemeente_colour_count SET addresses = 0");
        jdbc.update("INSERT INTO gemeente_colour_count (gemeente_code, colour, addresses)"
                + " SELECT a.gemeente_code, c.colour, count(*) FROM address_colour c JOIN address a ON a.id = c.address_id"
                + " GROUP BY 1, 2 ON CONFLICT (gemeente_code, colour) DO UPDATE SET addresses = excluded.addresses");
        jdbc.update("UPDATE buurt_colour_count SET addresses = 0");
        jdbc.update("INSERT INTO buurt_colour_count (gemeente_code, buurt_code, colour, addresses)"
                + " SELECT a.gemeente_code, coalesce(a.buurt_code, ''), c.colour, count(*) FROM address_colour c"
                + " JOIN address a ON a.id = c.address_id GROUP BY 1, 2, 3"
                + " ON CONFLICT (gemeente_code, buurt_code, colour) DO UPDATE SET addresses = excluded.addresses");
        counts.refreshAddresses();
    }
}
