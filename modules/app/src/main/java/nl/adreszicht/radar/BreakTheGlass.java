package nl.adreszicht.radar;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.ConflictException;
import nl.adreszicht.records.GuardedChange;
import nl.adreszicht.records.IfMatch;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.records.RefusedException;
import nl.adreszicht.records.StatedReason;
import nl.adreszicht.security.Professional;
import nl.adreszicht.security.Role;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Break-the-glass grants: access to one address outside the professional's region, for a limited time, with a
 * stated reason, reviewed afterwards by a supervisor of the same organisation who is not the professional. Grants
 * live in the database, so every instance of the application honours them.
 */
@Service
class BreakTheGlass {

    private static final EnumSet<HistoryEntry.Type> COLOUR_ENTRIES = EnumSet.of(
            HistoryEntry.Type.KLEURWIJZIGING, HistoryEntry.Type.KLEURVERHOGING, HistoryEntry.Type.KLEURVERLAGING);

    private final JdbcTemplate jdbc;
    private final BreakTheGlassProperties properties;
    private final List<AddressHistorySource> records;
    private final DutchTime time;
    private final Counter grants;

    BreakTheGlass(
            JdbcTemplate jdbc,
            BreakTheGlassProperties properties,
            List<AddressHistorySource> records,
            DutchTime time,
            MeterRegistry metrics) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.records = records;
        this.time = time;
        this.grants = Counter.builder("adreszicht.break.the.glass.grants")
                .description("Break-the-glass grants: an address's history opened outside the own region")
                .register(metrics);
    }

    /** Grants {@code by} access to {@code address} from now for the configured duration. */
    @Transactional
    Grant grant(AddressId address, String reason, Professional by) {
        String why = StatedReason.of(reason);
        OffsetDateTime now = now();
        UUID id = UUID.randomUUID();
        // The records at the address now: the reason is about them, and is erased when one of them goes. They are the
        // history's entries except the colour's own (its changes, raises and lowerings are no records).
        String[] recordIds = records.stream()
                .flatMap(source -> source.historyAt(address).stream())
                .filter(entry -> !COLOUR_ENTRIES.contains(entry.type()))
                .map(HistoryEntry::id)
                .toArray(String[]::new);
        jdbc.update(
                "INSERT INTO break_the_glass (id, address_id, subject, organisation, vt_region, reason, granted_at,"
                        + " expires_at, record_ids) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id,
                address.value(),
                by.subject(),
                by.organisation()
                        .orElseThrow(() -> new RefusedException(
                                "Break-the-glass hoort bij een organisatie; uw account heeft er geen.")),
                by.vtRegion().orElse(null),
                why,
                now,
                now.plus(properties.duration()),
                recordIds);
        grants.increment();
        return find(id).orElseThrow();
    }

    /** The grant that gives {@code subject} access to {@code address} now, if any. */
    Optional<Grant> active(String subject, AddressId address) {
        return jdbc
                .query(
                        SELECT + " WHERE subject = ? AND address_id = ? AND expires_at > ? ORDER BY expires_at DESC"
                                + " LIMIT 1",
                        BreakTheGlass::row,
                        subject,
                        address.value(),
                        now())
                .stream()
                .findFirst();
    }

    /** The grants of the reviewer's organisation, those awaiting review first, newest first. */
    @Transactional(readOnly = true)
    List<Grant> queue(Professional reviewer) {
        return jdbc.query(
                SELECT + " WHERE organisation = ? ORDER BY (reviewed_at IS NULL) DESC, granted_at DESC LIMIT 200",
                BreakTheGlass::row,
                organisation(reviewer));
    }

    /**
     * Records a supervisor's verdict on a grant of their own organisation.
     *
     * @return empty when the organisation has no such grant
     */
    @Transactional
    Optional<Grant> review(UUID id, IfMatch ifMatch, String verdict, @Nullable String note, Professional reviewer) {
        if (!"terecht".equals(verdict) && !"onterecht".equals(verdict)) {
            throw new InvalidValueException("oordeel", "validation.oordeel");
        }
        if (note != null && note.length() > 500) {
            throw new InvalidValueException("toelichting", "validation.beoordeling.toelichting");
        }
        Optional<Grant> grant = find(id).filter(g -> g.organisation().equals(organisation(reviewer)));
        if (grant.isEmpty()) {
            return grant;
        }
        if (!reviewer.has(Role.VT_SUPERVISOR) || grant.get().subject().equals(reviewer.subject())) {
            throw new RefusedException("Een supervisor beoordeelt break-the-glass van een ander, niet van zichzelf.");
        }
        ifMatch.requireCurrent(grant.get().revision());
        if (grant.get().reviewedAt() != null) {
            throw new ConflictException("Deze break-the-glass is al beoordeeld.");
        }
        GuardedChange.requireApplied(jdbc.update(
                "UPDATE break_the_glass SET reviewed_by = ?, reviewed_at = ?, verdict = ?, review_note = ?,"
                        + " revision = revision + 1 WHERE id = ? AND revision = ? AND reviewed_by IS NULL",
                reviewer.subject(),
                now(),
                verdict,
                note == null || note.isBlank() ? null : note.trim(),
                id,
                grant.get().revision()));
        return find(id);
    }

    private Optional<Grant> find(UUID id) {
        return jdbc.query(SELECT + " WHERE id = ?", BreakTheGlass::row, id).stream()
                .findFirst();
    }

    private static String organisation(Professional professional) {
        return professional.organisation().orElse("");
    }

    private OffsetDateTime now() {
        return time.nowUtc();
    }

    /** What an erased reason reads as. */
    static final String ERASED = "(reden verwijderd)";

    private static final String SELECT = "SELECT id, address_id, subject, organisation, reason, granted_at, expires_at,"
            + " reviewed_at, verdict, review_note, revision FROM break_the_glass";

    private static Grant row(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        return new Grant(
                row.getObject("id", UUID.class),
                new AddressId(row.getObject("address_id", UUID.class)),
                row.getString("subject"),
                row.getString("organisation"),
                // Erased when a record at the address was destroyed or reached the end of its retention.
                java.util.Objects.requireNonNullElse(row.getString("reason"), ERASED),
                row.getObject("granted_at", OffsetDateTime.class),
                row.getObject("expires_at", OffsetDateTime.class),
                row.getObject("reviewed_at", OffsetDateTime.class),
                row.getString("verdict"),
                row.getString("review_note"),
                row.getLong("revision"));
    }

    /** One grant, with its review once given. */
    record Grant(
            UUID id,
            AddressId address,
            String subject,
            String organisation,
            String reason,
            OffsetDateTime grantedAt,
            OffsetDateTime expiresAt,
            @Nullable OffsetDateTime reviewedAt,
            @Nullable String verdict,
            @Nullable String reviewNote,
            long revision) {}
}
