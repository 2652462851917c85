package nl.adreszicht.addresses;

import static nl.adreszicht.QueryPlans.assertIndexed;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** At ~10 million addresses, finding one address and recomputing one colour must be index probes. */
@SpringBootTest
class AddressQueryPlanTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void findingAnAddressByItsDesignationIsOneIndexProbe() {
        assertIndexed(jdbc, transaction, "address", Addresses.BY_DESIGNATION, "7901AB", 1, "", "");
    }

    @Test
    void theGuardCatchesAStatementThatNoIndexServes() {
        assertThatThrownBy(() -> assertIndexed(
                        jdbc, transaction, "address", "SELECT id FROM address WHERE straat = ?", "Kerkstraat"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("every scan of address must use an index condition");
        assertThatThrownBy(() -> assertIndexed(
                        jdbc,
                        transaction,
                        "address",
                        "SELECT id FROM address WHERE straat = ? ORDER BY id LIMIT 5",
                        "x"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void theNightlyDecayWalksOnlyColoursThatCanStillDecay() {
        assertIndexed(
                jdbc,
                transaction,
                "address_colour",
                "SELECT address_id FROM address_colour WHERE colour <> 'GREY' AND address_id > ? ORDER BY address_id LIMIT 500",
                new UUID(0, 0));
    }

    @Test
    void theColourAndItsHistoryAreReadPerAddress() {
        assertIndexed(
                jdbc,
                transaction,
                "address_colour",
                "SELECT colour FROM address_colour WHERE address_id = ?",
                UUID.randomUUID());
        assertIndexed(
                jdbc,
                transaction,
                "address_colour_history",
                "SELECT * FROM address_colour_history WHERE address_id = ? ORDER BY id DESC LIMIT 20",
                UUID.randomUUID());
    }
}
