package nl.adreszicht.radar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.adreszicht.Requests;
import nl.adreszicht.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * More concurrent history reads than the pool has connections all complete. Found by the benchmark: while the read
 * held its transaction's connection, the access-log entry (committed in a transaction of its own) needed a second
 * one, so with as many reads as connections every read waited for a connection none would give back, until the
 * pool's timeout. Here the pool has two connections and eight reads run at once.
 */
@SpringBootTest(properties = "adreszicht.embedded-postgres.maximum-pool-size=2")
@AutoConfigureMockMvc
class ConcurrentHistoryReadsTest {

    private static final Requests VT_DRENTHE = new Requests(Role.VT_MEDEWERKER, "veilig-thuis-drenthe", "VT03", null);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void moreConcurrentReadsThanConnectionsAllComplete() throws Exception {
        UUID address = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO address (id, postcode, huisnummer, straat, woonplaats, gemeente_code, synthetic)"
                        + " VALUES (?, '7908QA', 1, 'Proefstraat', 'Proefplaats', 'GM0118', true)",
                address);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> reads = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                reads.add(pool.submit(() -> mvc.perform(
                                get("/api/v1/adressen/" + address + "/historie").with(VT_DRENTHE.api()))
                        .andReturn()
                        .getResponse()
                        .getStatus()));
            }
            for (Future<Integer> read : reads) {
                assertThat(read.get(20, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
