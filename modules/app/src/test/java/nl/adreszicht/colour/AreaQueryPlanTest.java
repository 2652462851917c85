package nl.adreszicht.colour;

import static nl.adreszicht.QueryPlans.assertIndexed;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.adreszicht.records.AddressId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Per-gemeente reads at national scale: the addresses and colours of one gemeente and its anonymous tally over a
 * period go through the gemeente indexes, never through all ~10 million addresses. And the worklist's escalation
 * check, asked for every open case at once, is one index probe per case.
 */
@SpringBootTest
class AreaQueryPlanTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ColourEscalations escalations;

    @Test
    void oneGemeentesAddressesAndColoursAreFoundThroughItsIndex() {
        assertIndexed(jdbc, transaction, "address", "SELECT count(*) FROM address WHERE gemeente_code = ?", "GM0118");
        String colours = "SELECT c.colour, count(*) FROM address a JOIN address_colour c ON c.address_id = a.id"
                + " WHERE a.gemeente_code = ? GROUP BY c.colour";
        assertIndexed(jdbc, transaction, "address", colours, "GM0118");
        assertIndexed(jdbc, transaction, "address_colour", colours, "GM0118");
    }

    @Test
    void oneGemeentesTallyOverAPeriodIsFoundThroughItsIndex() {
        assertIndexed(
                jdbc,
                transaction,
                "record_tally",
                "SELECT wijk_code, buurt_code, source, sum(records) FROM record_tally"
                        + " WHERE gemeente_code = ? AND month >= ? AND month < ? GROUP BY 1, 2, 3",
                "GM0118",
                LocalDate.of(2025, 1, 1),
                LocalDate.of(2026, 1, 1));
    }

    @Test
    void theEscalationCheckOfAWholeWorklistIsOneStatementOfIndexProbes() {
        assertIndexed(
                jdbc,
                transaction,
                "address_colour_history",
                ColourEscalations.ESCALATED_SINCE
                        .replace("?::uuid[]", "ARRAY[?]::uuid[]")
                        .replace("?::bigint[]", "ARRAY[?]::bigint[]"),
                UUID.randomUUID(),
                0L);
    }

    @Test
    void theEscalationCheckAnswersPerAddressAndMark() {
        UUID rose = UUID.randomUUID();
        UUID fell = UUID.randomUUID();
        for (UUID id : List.of(rose, fell)) {
            jdbc.update(
                    "INSERT INTO address (id, postcode, huisnummer, straat, woonplaats, gemeente_code, synthetic)"
                            + " VALUES (?, '7906QA', ?, 'Proefstraat', 'Proefplaats', 'GM0118', true)",
                    id,
                    id.equals(rose) ? 1 : 2);
        }
        jdbc.update(
                "INSERT INTO address_colour_history (address_id, colour, previous_colour, rules_version, deciding_rule,"
                        + " fired_rules, counted_record_ids, computed_at) VALUES"
                        + " (?, 'RED', 'YELLOW', 'v1', 'INCIDENT_COUNT_IS_RED', '{}', '{}', now()),"
                        + " (?, 'GREEN', 'YELLOW', 'v1', 'INCIDENT_IN_WINDOW_IS_GREEN', '{}', '{}', now())",
                rose,
                fell);
        long roseAt = escalations.mark(new AddressId(rose));

        assertThat(escalations.escalatedSince(List.of(
                        new ColourEscalations.Since(new AddressId(rose), roseAt - 1),
                        new ColourEscalations.Since(new AddressId(rose), roseAt),
                        new ColourEscalations.Since(new AddressId(fell), 0))))
                .containsExactly(new ColourEscalations.Since(new AddressId(rose), roseAt - 1));
        assertThat(escalations.escalatedSince(List.of())).isEmpty();
    }
}
