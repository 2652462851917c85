package nl.adreszicht.addresses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.UUID;
import javax.sql.DataSource;
import liquibase.command.CommandScope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Liquibase migration that gives existing addresses random ids (issue 10, gap 1), run on a database of its own in
 * the test cluster: migrated up to the tag before it, filled as the old code filled it (ids derived from the BAG id,
 * records, colours, a lowering, a break-the-glass grant, a signal match and an access-log entry at the address), then
 * migrated to the end.
 */
@SpringBootTest
class RandomAddressIdMigrationTest {

    private static final String DATABASE = "legacy_address_ids";
    private static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";
    private static final String BAG_ID = "0118200000012345";
    private static final UUID LEGACY_ID = UUID.nameUUIDFromBytes(("adres:" + BAG_ID).getBytes(StandardCharsets.UTF_8));

    @Autowired
    EmbeddedPostgres postgres;

    private JdbcTemplate cluster;
    private DataSource legacy;
    private JdbcTemplate db;

    @BeforeEach
    void aDatabaseOfItsOwn() {
        cluster = new JdbcTemplate(postgres.getPostgresDatabase());
        cluster.execute("DROP DATABASE IF EXISTS " + DATABASE);
        cluster.execute("CREATE DATABASE " + DATABASE);
        legacy = postgres.getDatabase("postgres", DATABASE);
        db = new JdbcTemplate(legacy);
    }

    @AfterEach
    void dropIt() {
        cluster.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    }

    @Test
    void existingAddressesGetRandomIdsAndEverythingThatPointsAtThemFollows() throws Exception {
        migrate("updateToTag");
        db.update(
                "INSERT INTO address (id, nummeraanduiding_id, postcode, huisnummer, straat, woonplaats, gemeente_code)"
                        + " VALUES (?, ?, '7901AB', 1, 'Teststraat', 'Hoogeveen', 'GM0118')",
                LEGACY_ID,
                BAG_ID);
        UUID incident = UUID.randomUUID();
        db.update(
                "INSERT INTO incident (id, organisation, registration_number, occurred_at, occurred_zone, address_id,"
                        + " severity, children_present, injury, weapon, alcohol_drugs, aangifte, huisverbod_imposed,"
                        + " huisverbod_broken, zorgmelding, content_hash, registered_by) VALUES (?, 'politie-x', 'R-1',"
                        + " now(), 'Europe/Amsterdam', ?, 'S1', false, false, false, false, false, false, false, false,"
                        + " repeat('0', 64), 'someone')",
                incident,
                LEGACY_ID);
        db.update(
                "INSERT INTO address_colour (address_id, colour, rules_version, deciding_rule, fired_rules,"
                        + " counted_record_ids, computed_at) VALUES (?, 'GREEN', 'v1', 'INCIDENT_IN_WINDOW_IS_GREEN',"
                        + " '{INCIDENT_IN_WINDOW_IS_GREEN}', ARRAY[?], now())",
                LEGACY_ID,
                incident.toString());
        db.update(
                "INSERT INTO colour_lowering (id, address_id, target, reason, review_date, reviewed_record_ids,"
                        + " proposed_by, proposed_on) VALUES (gen_random_uuid(), ?, 'GREY', 'Gezin werkt goed mee.',"
                        + " current_date + 30, '{}', 'a', current_date)",
                LEGACY_ID);
        db.update(
                "INSERT INTO break_the_glass (id, address_id, subject, organisation, reason, granted_at, expires_at)"
                        + " VALUES (gen_random_uuid(), ?, 's', 'vt-x', 'Kind verblijft hier bij vader.', now(),"
                        + " now() + interval '4 hours')",
                LEGACY_ID);
        db.update(
                "INSERT INTO signal_match (id, address_id, organisation, other_organisation, first_at, last_at)"
                        + " VALUES (gen_random_uuid(), ?, 'politie-x', 'vt-x', now(), now())",
                LEGACY_ID);
        db.update(
                "INSERT INTO access_log (kind, action, actor_subject, actor_roles, object_type, object_id, purpose,"
                        + " legal_basis, break_the_glass) VALUES ('LEZEN', 'adres.lezen', 's', 'vt-medewerker', 'adres',"
                        + " ?, 'p', 'b', false)",
                LEGACY_ID.toString());

        migrate("update");

        UUID now = db.queryForObject("SELECT id FROM address WHERE nummeraanduiding_id = ?", UUID.class, BAG_ID);
        assertThat(now).isNotEqualTo(LEGACY_ID);
        assertThat(now.version()).as("a random UUID").isEqualTo(4);
        for (String table :
                new String[] {"incident", "address_colour", "colour_lowering", "break_the_glass", "signal_match"}) {
            assertThat(db.queryForList("SELECT DISTINCT address_id FROM " + table, UUID.class))
                    .as(table + " follows the address")
                    .containsExactly(now);
        }
        assertThat(db.queryForObject(
                        "SELECT address_id FROM address_former_id WHERE former_id = ?", UUID.class, LEGACY_ID))
                .as("the former id, for the access log written before")
                .isEqualTo(now);
        assertThat(db.queryForObject("SELECT object_id FROM access_log", String.class))
                .as("the access log is never rewritten")
                .isEqualTo(LEGACY_ID.toString());
        assertThatThrownBy(() -> db.update("UPDATE colour_lowering SET reason = 'Een andere reden hier.'"))
                .as("the lowering's guard is back in force")
                .hasMessageContaining("only ever changed");
    }

    private void migrate(String command) throws Exception {
        try (Connection connection = legacy.getConnection()) {
            Database database =
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            CommandScope scope = new CommandScope(command)
                    .addArgumentValue("changelogFile", CHANGELOG)
                    .addArgumentValue("database", database)
                    .addArgumentValue("contexts", "default");
            if (command.equals("updateToTag")) {
                scope.addArgumentValue("tag", "before-random-address-ids");
            }
            scope.execute();
        }
    }
}
