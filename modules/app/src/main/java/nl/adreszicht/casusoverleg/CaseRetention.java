package nl.adreszicht.casusoverleg;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.retention.RetentionSource;
import nl.adreszicht.retention.StoredRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Retention per contribution for the casusoverleg: a case (from referral to closing, with its partners, goals,
 * actions and minutes) is one record of source {@code CASUSOVERLEG}, owned by the Zorg- en Veiligheidshuis that runs
 * it. Retention deletes it when its last day has passed (scheduled when it was declined or closed), and its privacy
 * officer destroys it on request; nobody who worked on it may do that (separation of duties).
 */
@Component
class CaseRetention implements RetentionSource {

    private final CaseStore store;
    private final JdbcTemplate jdbc;
    private final ZvhRegions regions;

    CaseRetention(CaseStore store, ZvhRegions regions) {
        this.store = store;
        this.jdbc = store.jdbc();
        this.regions = regions;
    }

    @Override
    public RecordSource source() {
        return RecordSource.CASUSOVERLEG;
    }

    @Override
    public String objectType() {
        return CasePlans.OBJECT_TYPE;
    }

    @Override
    public Optional<StoredRecord> find(String recordId) {
        return id(recordId).flatMap(store::findAnywhere).map(c -> {
            Set<String> workedOnBy = new HashSet<>();
            addIfPresent(workedOnBy, c.referredBy());
            addIfPresent(workedOnBy, c.triagedBy());
            addIfPresent(workedOnBy, c.planUpdatedBy());
            addIfPresent(workedOnBy, c.closedBy());
            workedOnBy.addAll(jdbc.queryForList(
                    "SELECT created_by FROM casus_action WHERE casus_id = ? UNION SELECT status_changed_by FROM"
                            + " casus_action WHERE casus_id = ? AND status_changed_by IS NOT NULL UNION SELECT"
                            + " minutes_by FROM overleg_casus WHERE casus_id = ? AND minutes_by IS NOT NULL",
                    String.class,
                    c.id(),
                    c.id(),
                    c.id()));
            return new StoredRecord(regions.organisationOf(c.zvhRegion()).orElseThrow(), null, c.address(), workedOnBy);
        });
    }

    @Override
    public void delete(String recordId) {
        // Partners, records, goals, actions and agenda items with their minutes go with it (ON DELETE CASCADE).
        id(recordId).ifPresent(id -> jdbc.update("DELETE FROM casus WHERE id = ?", id));
    }

    private static void addIfPresent(Set<String> subjects, @Nullable String subject) {
        if (subject != null) {
            subjects.add(subject);
        }
    }

    static Optional<UUID> id(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
