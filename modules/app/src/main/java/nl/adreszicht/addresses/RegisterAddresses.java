package nl.adreszicht.addresses;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.adreszicht.records.InvalidValueException;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The register's one door for bulk loads from the national registers (module {@code registers}): addresses known by
 * their BAG id, written a chunk at a time (COPY into a temporary table, then one set-based upsert), and addresses the
 * BAG ended. As in the CSV import, an address is found again by its BAG id (or, for one stored without, by its
 * designation) and keeps its random id; a new one gets a new random id. An unchanged address is not rewritten, so
 * loading the same extract twice changes nothing.
 */
@Component
public class RegisterAddresses {

    private static final String STAGE = """
            CREATE TEMPORARY TABLE IF NOT EXISTS register_address_stage (
              id uuid, nummeraanduiding_id char(16), postcode char(6), huisnummer integer, huisletter char(1),
              toevoeging varchar(4), straat varchar(80), woonplaats varchar(80), gemeente_code char(6),
              wijk_code char(8), buurt_code char(10), area_year smallint
            ) ON COMMIT DELETE ROWS
            """;

    /**
     * Each staged row takes the id of the address it already is: by BAG id, else (an address stored without one, e.g.
     * from the CSV import) by its designation; what is left is new and gets a random id.
     */
    private static final String[] ASSIGN_IDS = {
        """
        UPDATE register_address_stage s SET id = a.id FROM address a
         WHERE a.nummeraanduiding_id = s.nummeraanduiding_id
        """, """
        UPDATE register_address_stage s SET id = a.id FROM address a
         WHERE s.id IS NULL AND a.nummeraanduiding_id IS NULL AND a.ended_on IS NULL
           AND a.postcode = s.postcode AND a.huisnummer = s.huisnummer
           AND coalesce(a.huisletter, '') = coalesce(s.huisletter, '')
           AND coalesce(a.toevoeging, '') = coalesce(s.toevoeging, '')
        """, "UPDATE register_address_stage SET id = gen_random_uuid() WHERE id IS NULL"
    };

    /**
     * Rows whose designation (postcode and house number) already belongs to another address that has not ended: not
     * written. An ended address gives its designation up.
     */
    private static final String TAKEN = """
            SELECT s.nummeraanduiding_id FROM register_address_stage s JOIN address a
              ON a.postcode = s.postcode AND a.huisnummer = s.huisnummer
             AND coalesce(a.huisletter, '') = coalesce(s.huisletter, '')
             AND coalesce(a.toevoeging, '') = coalesce(s.toevoeging, '') AND a.id <> s.id AND a.ended_on IS NULL
            UNION ALL
            SELECT nummeraanduiding_id FROM (
              SELECT nummeraanduiding_id, row_number() OVER (PARTITION BY postcode, huisnummer,
                     coalesce(huisletter, ''), coalesce(toevoeging, '') ORDER BY nummeraanduiding_id) AS n
              FROM register_address_stage) d WHERE n > 1
            """;

    /**
     * Without new area codes an address keeps its own, as long as it stays in the same gemeente (a row of another
     * gemeente's wijk would break the nesting).
     */
    private static final String UPSERT = """
            INSERT INTO address AS a (id, nummeraanduiding_id, postcode, huisnummer, huisletter, toevoeging, straat,
                                      woonplaats, gemeente_code, wijk_code, buurt_code, area_year, synthetic, ended_on)
            SELECT id, nummeraanduiding_id, postcode, huisnummer, huisletter, toevoeging, straat, woonplaats,
                   gemeente_code, wijk_code, buurt_code, area_year, false, null
            FROM register_address_stage s WHERE NOT (s.nummeraanduiding_id = ANY (?))
            ON CONFLICT (id) DO UPDATE SET
              nummeraanduiding_id = excluded.nummeraanduiding_id, postcode = excluded.postcode,
              huisnummer = excluded.huisnummer, huisletter = excluded.huisletter, toevoeging = excluded.toevoeging,
              straat = excluded.straat, woonplaats = excluded.woonplaats, gemeente_code = excluded.gemeente_code,
              wijk_code = CASE WHEN excluded.wijk_code IS NULL AND a.gemeente_code = excluded.gemeente_code
                               THEN a.wijk_code ELSE excluded.wijk_code END,
              buurt_code = CASE WHEN excluded.wijk_code IS NULL AND a.gemeente_code = excluded.gemeente_code
                                THEN a.buurt_code ELSE excluded.buurt_code END,
              area_year = CASE WHEN excluded.wijk_code IS NULL AND a.gemeente_code = excluded.gemeente_code
                               THEN a.area_year ELSE excluded.area_year END,
              synthetic = false, ended_on = null
            WHERE (a.nummeraanduiding_id, a.postcode, a.huisnummer, a.huisletter, a.toevoeging, a.straat, a.woonplaats,
                   a.gemeente_code, a.synthetic, a.ended_on) IS DISTINCT FROM
                  (excluded.nummeraanduiding_id, excluded.postcode, excluded.huisnummer, excluded.huisletter,
                   excluded.toevoeging, excluded.straat, excluded.woonplaats, excluded.gemeente_code, false, null)
               OR (excluded.wijk_code IS NOT NULL OR a.gemeente_code <> excluded.gemeente_code)
                  AND (a.wijk_code, a.buurt_code, a.area_year)
                      IS DISTINCT FROM (excluded.wijk_code, excluded.buurt_code, excluded.area_year)
            """;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;

    RegisterAddresses(
            DataSource dataSource,
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.events = events;
    }

    /**
     * One address as the national register gives it.
     *
     * @param bagId the nummeraanduiding id
     * @param postcode its postcode
     * @param number huisnummer, huisletter and toevoeging
     * @param straat the name of the openbare ruimte, at most 80 characters
     * @param woonplaats the name of the woonplaats, at most 80 characters
     * @param gemeente the gemeente the woonplaats belongs to
     * @param areas its CBS wijk and buurt with their year, or null when nothing placed it
     */
    public record RegisterAddress(
            NummeraanduidingId bagId,
            Postcode postcode,
            HouseNumber number,
            String straat,
            String woonplaats,
            GemeenteCode gemeente,
            @Nullable AreaCodes areas) {

        public RegisterAddress {
            if (straat.isBlank() || straat.length() > 80) {
                throw new InvalidValueException("openbareRuimte", "validation.openbareRuimte.length");
            }
            if (woonplaats.isBlank() || woonplaats.length() > 80) {
                throw new InvalidValueException("woonplaats", "validation.woonplaats.length");
            }
            if (areas != null && !areas.gemeente().equals(gemeente)) {
                throw new InvalidValueException("gemeenteCode", "validation.wijkCode.notInGemeente");
            }
        }
    }

    /**
     * What one chunk did.
     *
     * @param written addresses new or changed
     * @param taken per BAG id that was not written, why (in Dutch)
     */
    public record Outcome(long written, Map<String, String> taken) {}

    /** Upserts one chunk in one transaction; a row whose designation belongs to another address is not written. */
    public Outcome upsert(List<RegisterAddress> chunk) {
        if (chunk.isEmpty()) {
            return new Outcome(0, Map.of());
        }
        return transaction.execute(status -> {
            jdbc.execute(STAGE);
            copy(chunk);
            jdbc.batchUpdate(ASSIGN_IDS);
            Map<String, String> taken = new HashMap<>();
            jdbc.query(TAKEN, row -> {
                taken.put(
                        row.getString(1).trim(),
                        "postcode en huisnummer staan al onder een ander adres in het register");
            });
            String[] skip = taken.keySet().toArray(String[]::new);
            int written = jdbc.update(connection -> {
                var statement = connection.prepareStatement(UPSERT);
                statement.setArray(1, connection.createArrayOf("bpchar", skip));
                return statement;
            });
            return new Outcome(written, taken);
        });
    }

    /** Marks addresses the BAG ended (kept, because records may point at them); returns how many changed. */
    public int end(Collection<NummeraanduidingId> ended, LocalDate on) {
        if (ended.isEmpty()) {
            return 0;
        }
        String[] ids = ended.stream().map(NummeraanduidingId::value).toArray(String[]::new);
        Integer changed = transaction.execute(status -> jdbc.update(connection -> {
            var statement = connection.prepareStatement(
                    "UPDATE address SET ended_on = ? WHERE nummeraanduiding_id = ANY (?) AND ended_on IS NULL");
            statement.setObject(1, on);
            statement.setArray(2, connection.createArrayOf("bpchar", ids));
            return statement;
        }));
        return changed == null ? 0 : changed;
    }

    /**
     * After a load: counts kept per gemeente and buurt are brought up to date once; {@code changed} counts the addresses
     * written and ended.
     */
    public void loaded(long changed) {
        if (changed > 0) {
            events.publishEvent(new AddressesImported(changed));
        }
    }

    private void copy(List<RegisterAddress> chunk) {
        StringBuilder text = new StringBuilder(chunk.size() * 120);
        for (RegisterAddress address : chunk) {
            AreaCodes areas = address.areas();
            List<@Nullable Object> values = new ArrayList<>(12);
            values.add(null); // the id: assigned in the database (ASSIGN_IDS)
            values.add(address.bagId().value());
            values.add(address.postcode().value());
            values.add(address.number().number());
            values.add(address.number().letter());
            values.add(address.number().addition());
            values.add(address.straat());
            values.add(address.woonplaats());
            values.add(address.gemeente().value());
            values.add(areas == null ? null : areas.wijk().value());
            values.add(areas == null ? null : areas.buurt().value());
            values.add(areas == null ? null : areas.year());
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    text.append('\t');
                }
                Object value = values.get(i);
                text.append(value == null ? "\\N" : escape(value.toString()));
            }
            text.append('\n');
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY register_address_stage FROM STDIN", new StringReader(text.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY of addresses failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ").replace("\r", " ");
    }
}
