package nl.adreszicht;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Addresses for tests that can never collide with each other: every designation (postcode, huisnummer, toevoeging)
 * comes from one counter of the test JVM under a postcode that only this class uses, so the register's unique index
 * never refuses one, however many tests create addresses in one database. Inserted as the schema owner, as an
 * import would.
 */
public final class TestAddresses {

    /** The postcode of every address made here; no other test or fixture uses it. */
    public static final String POSTCODE = "9999ZZ";

    private static final AtomicInteger NEXT = new AtomicInteger();

    private final JdbcTemplate owner;

    public TestAddresses(DataSource ownerDataSource) {
        this.owner = new JdbcTemplate(ownerDataSource);
    }

    /** A new address in {@code gemeente}, without wijk or buurt. */
    public UUID create(String gemeente) {
        return create(UUID.randomUUID(), gemeente, null, null);
    }

    /** A new address in {@code gemeente}, wijk and buurt (area year 2025). */
    public UUID create(String gemeente, String wijk, String buurt) {
        return create(UUID.randomUUID(), gemeente, wijk, buurt);
    }

    /** A new address with a chosen id, for a test that needs its place in key order. */
    public UUID create(UUID id, String gemeente, @Nullable String wijk, @Nullable String buurt) {
        int n = NEXT.getAndIncrement();
        owner.update(
                "INSERT INTO address (id, postcode, huisnummer, toevoeging, straat, woonplaats, gemeente_code,"
                        + " wijk_code, buurt_code, area_year, synthetic) VALUES (?, ?, ?, ?, 'Teststraat', 'Proefdorp',"
                        + " ?, ?, ?, ?, true)",
                id,
                POSTCODE,
                1 + n % 99_999,
                n < 99_999 ? null : Integer.toString(n / 99_999, 36).toUpperCase(java.util.Locale.ROOT),
                gemeente,
                wijk,
                buurt,
                wijk == null ? null : 2025);
        return id;
    }
}
