package nl.adreszicht.monitor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The small id of each category ({@code monitor_category}). A new category is stored in a transaction of its own, so
 * an id once handed out exists whatever becomes of the transaction that asked for it; ids never change, so each
 * instance may remember them.
 */
@Component
class MonitorCategories {

    /** Categories per month in the packed form of {@code monitor_address.counted}: month index * this + id. */
    static final int PER_MONTH = 4096;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Map<String, Integer> ids = new ConcurrentHashMap<>();
    private final Map<Integer, String> keys = new ConcurrentHashMap<>();

    MonitorCategories(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The id of a category, stored first if it is new. */
    int id(String key) {
        Integer known = ids.get(key);
        if (known != null) {
            return known;
        }
        // Known to the database but not yet to this instance (the common miss: a fresh instance): read in the
        // caller's transaction. Only a key never seen before takes a transaction of its own, and with it a second
        // connection: registrations that waited on one address's lock while holding their connections, with the
        // holder of the lock waiting for a second one, emptied the pool (ConcurrentRegistrationsTest).
        all();
        known = ids.get(key);
        if (known != null) {
            return known;
        }
        Integer id = ownTransaction.execute(status -> jdbc.queryForObject(
                "INSERT INTO monitor_category (key) VALUES (?) ON CONFLICT (key) DO UPDATE SET key = excluded.key"
                        + " RETURNING id",
                Integer.class,
                key));
        if (id == null || id >= PER_MONTH) {
            throw new IllegalStateException("No room for another monitor category: " + key);
        }
        ids.put(key, id);
        keys.put(id, key);
        return id;
    }

    /** Every category known so far, by id. */
    Map<Integer, String> all() {
        jdbc.query("SELECT id, key FROM monitor_category", row -> {
            int id = row.getInt(1);
            String key = row.getString(2);
            keys.put(id, key);
            ids.put(key, id);
        });
        return Map.copyOf(keys);
    }

    /** The key of an id already known, or null. */
    String key(int id) {
        String key = keys.get(id);
        if (key == null) {
            all();
            key = keys.get(id);
        }
        return key;
    }
}
