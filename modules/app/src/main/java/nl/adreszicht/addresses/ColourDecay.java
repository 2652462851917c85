package nl.adreszicht.addresses;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.adreszicht.time.DutchTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes, once a day, every address whose colour can still decay (everything not grey), so a colour drops
 * when its records leave the window even if nothing new is recorded. One instance of the cluster runs it: a
 * PostgreSQL advisory lock, held for the run, makes the others skip.
 */
@Component
class ColourDecay {

    static final long LOCK_KEY = 0x415A4465636179L; // "AZDecay"

    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final AddressColours colours;
    private final DutchTime time;

    ColourDecay(JdbcTemplate jdbc, TransactionTemplate transaction, AddressColours colours, DutchTime time) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.colours = colours;
        this.time = time;
    }

    @Scheduled(cron = "${adreszicht.colour.decay-cron:0 15 2 * * *}", zone = DutchTime.ZONE_ID)
    void nightly() {
        decay(time.today());
    }

    /** Recomputes every colour that is not grey as of {@code today}; returns how many, or -1 if another instance runs. */
    int decay(LocalDate today) {
        Integer done = transaction.execute(status -> {
            if (!Boolean.TRUE.equals(
                    jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, LOCK_KEY))) {
                return -1;
            }
            int count = 0;
            UUID after = new UUID(0, 0);
            List<UUID> batch;
            do {
                batch = jdbc.queryForList(
                        "SELECT address_id FROM address_colour WHERE colour <> 'GREY' AND address_id > ?"
                                + " ORDER BY address_id LIMIT " + BATCH,
                        UUID.class,
                        after);
                for (UUID address : batch) {
                    colours.recompute(new AddressId(address), today);
                    count++;
                }
                after = batch.isEmpty() ? after : batch.get(batch.size() - 1);
            } while (batch.size() == BATCH);
            return count;
        });
        return done == null ? 0 : done;
    }
}
