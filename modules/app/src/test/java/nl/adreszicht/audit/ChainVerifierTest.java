package nl.adreszicht.audit;

import static nl.adreszicht.audit.AccessLogTest.professional;
import static nl.adreszicht.audit.AccessLogTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.adreszicht.security.Professional;
import nl.adreszicht.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tampering as someone with the schema owner's rights would do it, and the verifier catching each kind. Its own
 * context and database (no settle time, no background sealing), and every test looks only at its own entries.
 */
@SpringBootTest(properties = {"adreszicht.access-log.seal-settle=0s", "adreszicht.access-log.seal-interval=1h"})
class ChainVerifierTest {

    @Autowired
    AccessLog accessLog;

    @Autowired
    AccessLogSealer sealer;

    @Autowired
    ChainVerifier verifier;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    private final Professional vt = professional("veilig-thuis-drenthe", Role.VT_MEDEWERKER);

    @Test
    void anUntouchedLogVerifies() {
        List<Long> ids = writeAndSeal(5);

        VerificationReport report = verifier.verify();

        assertThat(report.findings()).noneMatch(f -> ids.contains(f.entryId()));
        assertThat(report.checked()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void anEditedEntryIsFound() {
        List<Long> ids = writeAndSeal(3);

        owner().update("update access_log set actor_organisation = 'politie-noord-nederland' where id = ?", ids.get(1));

        assertThat(verifier.verify().findings())
                .contains(new VerificationReport.Finding(ids.get(1), VerificationReport.Kind.GEWIJZIGD));
    }

    @Test
    void aDeletedEntryIsFoundEvenWithItsSeal() {
        List<Long> ids = writeAndSeal(3);

        owner().update("delete from access_log_seal where entry_id = ?", ids.get(1));
        owner().update("delete from access_log where id = ?", ids.get(1));

        assertThat(verifier.verify().findings())
                .contains(new VerificationReport.Finding(ids.get(1), VerificationReport.Kind.VERWIJDERD));
    }

    @Test
    void anInsertedEntryIsFound() {
        long freeId = owner().queryForObject("select nextval(pg_get_serial_sequence('access_log', 'id'))", Long.class);
        writeAndSeal(2);

        owner().update(
                        "insert into access_log (id, kind, action, actor_subject, actor_roles, purpose, legal_basis,"
                                + " break_the_glass) overriding system value values (?, 'LEZEN', 'adres.historie', 'someone',"
                                + " 'vt-medewerker', 'Veilig Thuis-taak', 'Wmo 2015', false)",
                        freeId);

        assertThat(verifier.verify().findings())
                .contains(new VerificationReport.Finding(freeId, VerificationReport.Kind.INGEVOEGD));
    }

    @Test
    void reorderedEntriesAreFound() {
        List<Long> ids = writeAndSeal(3);
        long first = ids.get(0);
        long last = ids.get(2);

        // Swap the two entries' contents, timestamps included: each now stands at the other's place.
        owner().update(
                        "update access_log a set logged_at = b.logged_at, object_id = b.object_id, actor_subject = b.actor_subject"
                                + " from access_log b where (a.id, b.id) in ((?, ?), (?, ?))",
                        first,
                        last,
                        last,
                        first);

        assertThat(verifier.verify().findings())
                .contains(
                        new VerificationReport.Finding(first, VerificationReport.Kind.VERPLAATST),
                        new VerificationReport.Finding(last, VerificationReport.Kind.VERPLAATST));
    }

    @Test
    void whileAnotherInstanceSealsThisOneSkipsTheRound() throws Exception {
        String objectId = UUID.randomUUID().toString();
        accessLog.record(vt, read(objectId), "127.0.0.1", "web");
        try (var otherInstance = postgres.getPostgresDatabase().getConnection()) {
            otherInstance.setAutoCommit(false);
            try (var lock = otherInstance.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, AccessLogSealer.LOCK_KEY);
                lock.execute();
            }

            assertThat(sealer.sealPending()).isZero();

            otherInstance.rollback();
        }
        assertThat(sealer.sealPending()).isPositive();
        assertThat(jdbc.queryForObject(
                        "select count(*) from access_log_seal s join access_log e on e.id = s.entry_id where e.object_id = ?",
                        Integer.class,
                        objectId))
                .isEqualTo(1);
    }

    private List<Long> writeAndSeal(int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String objectId = UUID.randomUUID().toString();
            accessLog.record(vt, read(objectId), "127.0.0.1", "web");
            ids.add(jdbc.queryForObject("select id from access_log where object_id = ?", Long.class, objectId));
        }
        sealer.sealPending();
        return ids;
    }

    private JdbcTemplate owner() {
        return new JdbcTemplate(postgres.getPostgresDatabase());
    }
}
