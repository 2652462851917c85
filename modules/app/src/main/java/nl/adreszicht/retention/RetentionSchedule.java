package nl.adreszicht.retention;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.records.RecordStored;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The last day of retention of every stored record, one row per record in {@code retention_schedule}. Every
 * {@link RecordStored} is scheduled in the transaction that stores the record (ADR 0011), so no record exists without
 * its date; the date is computed once, by the rule of that day, and stored with the rule's version.
 */
@Service
public class RetentionSchedule {

    private final JdbcTemplate jdbc;
    private final RetentionRule rule;
    private final RetentionSources sources;

    RetentionSchedule(JdbcTemplate jdbc, RetentionProperties properties, RetentionSources sources) {
        this.jdbc = jdbc;
        this.rule = properties.rule();
        this.sources = sources;
    }

    /**
     * In the storing transaction: the record's owner, and for the family rule the birth dates of its children, come
     * from its source (so the event carries no person); a Veilig Thuis record of an account without an organisation
     * belongs to its region.
     */
    @EventListener
    void on(RecordStored stored) {
        RetentionSource source = sources.of(stored.source())
                .orElseThrow(() -> new IllegalStateException("No retention source for " + stored.source()));
        String owner = stored.organisation() != null
                ? stored.organisation()
                : source.find(stored.recordId())
                        .map(record -> record.organisation() != null ? record.organisation() : record.vtRegion())
                        .orElseThrow();
        schedule(
                stored.source(),
                stored.recordId(),
                owner,
                stored.recordedOn(),
                source.childBirthDates(stored.recordId()));
    }

    /**
     * Schedules a newly stored record; a record already scheduled keeps its date.
     *
     * @param source where it comes from
     * @param recordId its opaque id
     * @param organisation the organisation that recorded it
     * @param recordedOn the day it was first recorded, in Europe/Amsterdam
     * @param childBirthDates the known birth dates of the children involved (for the family rule)
     */
    void schedule(
            RecordSource source,
            String recordId,
            String organisation,
            LocalDate recordedOn,
            Collection<LocalDate> childBirthDates) {
        RetentionRule.KeptUntil keptUntil = rule.keptUntil(source, recordedOn, childBirthDates);
        jdbc.update(
                "INSERT INTO retention_schedule (source, record_id, organisation, kept_until, basis, rule_version)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source, record_id) DO NOTHING",
                source.name(),
                recordId,
                organisation,
                keptUntil.date(),
                keptUntil.basis().name(),
                rule.version());
    }

    /** A record that another one follows, by its source and id. */
    public record Followed(RecordSource source, String recordId) {}

    /**
     * Schedules a record that ended and follows other records (a closed or declined case of the casusoverleg): kept
     * until its source's period after the day it ended, or as long as the longest-kept of the records it follows,
     * whichever is later. A record already scheduled keeps its date.
     *
     * @param endedOn the day it ended, in Europe/Amsterdam
     * @param followed the records it follows; those no longer scheduled (gone) do not count
     * @return the last day it is kept
     */
    @Transactional
    public LocalDate scheduleFollowing(
            RecordSource source,
            String recordId,
            String organisation,
            LocalDate endedOn,
            Collection<Followed> followed) {
        java.util.List<LocalDate> followedUntil = followed.stream()
                .flatMap(record -> keptUntil(record.source(), record.recordId()).stream())
                .toList();
        RetentionRule.KeptUntil keptUntil = rule.keptUntilFollowing(source, endedOn, followedUntil);
        jdbc.update(
                "INSERT INTO retention_schedule (source, record_id, organisation, kept_until, basis, rule_version)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source, record_id) DO NOTHING",
                source.name(),
                recordId,
                organisation,
                keptUntil.date(),
                keptUntil.basis().name(),
                rule.version());
        return keptUntil(source, recordId).orElseThrow();
    }

    /** The last day the record is kept, if it is scheduled. */
    @Transactional(readOnly = true)
    public Optional<LocalDate> keptUntil(RecordSource source, String recordId) {
        return jdbc
                .queryForList(
                        "SELECT kept_until FROM retention_schedule WHERE source = ? AND record_id = ?",
                        LocalDate.class,
                        source.name(),
                        recordId)
                .stream()
                .findFirst();
    }

    /** Forgets a record that is gone, in the caller's transaction. */
    void forget(RecordSource source, String recordId) {
        jdbc.update("DELETE FROM retention_schedule WHERE source = ? AND record_id = ?", source.name(), recordId);
    }
}
