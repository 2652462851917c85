package nl.adreszicht.veiligthuis;

import static nl.adreszicht.QueryPlans.assertIndexed;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At national scale (~4 million meldingen and adviezen, docs/synthetic-data.md) the radar's Veilig Thuis part and
 * the worklist must find their rows through an index: by address for the history, by region among the open cases
 * for the worklist. The statements are the production constants, not copies.
 */
@SpringBootTest
class VeiligThuisQueryPlanTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void theHistoryReadsMeldingenTheirPersonsAndStepsByAddress() {
        UUID address = UUID.randomUUID();
        assertIndexed(jdbc, transaction, "vt_melding", VtRecords.MELDINGEN_AT, address);
        assertIndexed(jdbc, transaction, "vt_melding", VtRecords.PERSONS_AT, address);
        assertIndexed(jdbc, transaction, "vt_melding_person", VtRecords.PERSONS_AT, address);
        assertIndexed(jdbc, transaction, "vt_melding", VtRecords.STEPS_AT, address);
        assertIndexed(jdbc, transaction, "vt_vervolgstap", VtRecords.STEPS_AT, address);
    }

    @Test
    void theColourAndTheMonitorReadTheMeldingenTheirTypesAndPersonsByAddress() {
        UUID address = UUID.randomUUID();
        assertIndexed(jdbc, transaction, "vt_melding", VtAtAddress.MELDINGEN, address);
        assertIndexed(jdbc, transaction, "vt_melding_violence_type", VtAtAddress.MELDINGEN, address);
        assertIndexed(jdbc, transaction, "vt_melding", VtAtAddress.PERSONS, address);
        assertIndexed(jdbc, transaction, "vt_melding_person", VtAtAddress.PERSONS, address);
    }

    @Test
    void theWorklistReadsOnlyTheOpenCasesOfItsRegionAndChecksRecidiveByAddress() {
        // Both scans of vt_melding: the open cases (partial index) and the recidive check per case.
        assertIndexed(
                jdbc, transaction, "vt_melding", Werkvoorraad.OPEN_CASES, "VT03", "VT03", java.time.LocalDate.now());
        // The ended cases with a due monitoring moment: through the partial index of open moments.
        assertIndexed(
                jdbc, transaction, "vt_monitoring", Werkvoorraad.OPEN_CASES, "VT03", "VT03", java.time.LocalDate.now());
        assertIndexed(jdbc, transaction, "vt_zorgmelding_inbox", Werkvoorraad.INBOX, "VT03");
    }
}
