package nl.adreszicht.radar;

import static nl.adreszicht.QueryPlans.assertIndexed;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The address history reads every module's records of one address; at ~10 million addresses and ~6 million
 * records each of those reads must be an index probe. The statements are those the application sends (captured
 * with SQL logging; the JPA ones are written out as Hibernate generates them). The Veilig Thuis part is guarded in
 * VeiligThuisQueryPlanTest with the production constants.
 */
@SpringBootTest
class AddressHistoryQueryPlanTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    private final UUID address = UUID.randomUUID();

    @Test
    void theAddressAndItsRegionAreFoundByKey() {
        assertIndexed(
                jdbc, transaction, "address", "SELECT a1_0.gemeente_code FROM address a1_0 WHERE a1_0.id = ?", address);
        assertIndexed(
                jdbc,
                transaction,
                "vt_region_gemeente",
                "SELECT region_code FROM vt_region_gemeente WHERE gemeente_code = ?",
                "GM0118");
    }

    @Test
    void policeIncidentsTheirPersonsAndZorgmeldingenAreReadByAddress() {
        assertIndexed(
                jdbc, transaction, "incident", "SELECT i1_0.id FROM incident i1_0 WHERE i1_0.address_id = ?", address);
        assertIndexed(
                jdbc,
                transaction,
                "incident_person",
                "SELECT p1_0.id FROM incident_person p1_0 WHERE p1_0.incident_id = ?",
                address);
        assertIndexed(
                jdbc,
                transaction,
                "incident_violence_type",
                "SELECT v1_0.code FROM incident_violence_type v1_0 WHERE v1_0.incident_id = ?",
                address);
        String zorgmeldingen =
                "SELECT z.id, z.organisation, z.concern, z.sent_at, z.feedback_code, i.registration_number"
                        + " FROM zorgmelding z JOIN incident i ON i.id = z.incident_id WHERE i.address_id = ?";
        assertIndexed(jdbc, transaction, "incident", zorgmeldingen, address);
        assertIndexed(jdbc, transaction, "zorgmelding", zorgmeldingen, address);
    }

    @Test
    void municipalRecordsAndTheColourHistoryAreReadByAddress() {
        assertIndexed(
                jdbc,
                transaction,
                "municipal_record",
                "SELECT mr1_0.id FROM municipal_record mr1_0 WHERE mr1_0.address_id = ?",
                address);
        assertIndexed(
                jdbc,
                transaction,
                "municipal_record_violence_type",
                "SELECT vt1_0.code FROM municipal_record_violence_type vt1_0 WHERE vt1_0.record_id = ?",
                address);
        assertIndexed(
                jdbc,
                transaction,
                "address_colour_history",
                "SELECT id, colour FROM address_colour_history WHERE address_id = ?",
                address);
        assertIndexed(jdbc, transaction, "colour_raise", "SELECT id FROM colour_raise WHERE address_id = ?", address);
        assertIndexed(
                jdbc, transaction, "colour_lowering", "SELECT id FROM colour_lowering WHERE address_id = ?", address);
    }
}
