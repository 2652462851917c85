package nl.adreszicht.areascan;

import static nl.adreszicht.QueryPlans.assertIndexed;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At national scale (~10M addresses, ~6M records tallied) every query of one gemeente's scan must find its rows
 * through an index: the tallies by gemeente and month (or year, for whole years), the register by gemeente (index-only per buurt), the colours
 * through the register's gemeente index and the colour's primary key.
 */
@SpringBootTest
class GebiedsscanQueryPlanTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    private static final LocalDate FROM = LocalDate.of(2026, 4, 1);
    private static final LocalDate UNTIL = LocalDate.of(2026, 7, 1);

    @Test
    void theTalliesAreReadByGemeenteAndMonth() {
        assertIndexed(jdbc, transaction, "record_tally", AreaScans.RECORDS, "GM0118", FROM, UNTIL);
        assertIndexed(jdbc, transaction, "record_tally_violence_type", AreaScans.VIOLENCE, "GM0118", FROM, UNTIL);
    }

    @Test
    void theYearlyTalliesAreReadByGemeenteAndYear() {
        assertIndexed(jdbc, transaction, "record_tally_year", AreaScans.RECORDS_BY_YEAR, "GM0118", 2025, 2026);
        assertIndexed(
                jdbc, transaction, "record_tally_violence_type_year", AreaScans.VIOLENCE_BY_YEAR, "GM0118", 2025, 2026);
    }

    @Test
    void theMapsBoundariesAreReadByGemeente() {
        assertIndexed(jdbc, transaction, "area_boundary", AreaBoundaries.BUURTEN, "GM0118", "GM0118");
    }

    @Test
    void theAddressesPerBuurtAndTheirColoursAreReadByGemeente() {
        assertIndexed(jdbc, transaction, "buurt_address_count", AreaScans.ADDRESSES, "GM0118");
        assertIndexed(jdbc, transaction, "buurt_colour_count", AreaScans.COLOURS, "GM0118");
    }
}
