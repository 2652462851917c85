package nl.adreszicht.colour;

import java.sql.Array;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.adreszicht.addresses.KnownAddresses;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.RecordDestroyed;
import nl.adreszicht.records.RecordEvent;
import nl.adreszicht.security.Professional;
import nl.adreszicht.security.Role;
import nl.adreszicht.time.DutchTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the stored colour of each address up to date: on every record stored, changed or destroyed at the address
 * (in the same transaction as the record, so a record never exists without its colour, and a deleted one never counts;
 * ADR 0006) and daily for decay. Each result is stored with its rules version, the rules that fired and the records that
 * counted; every change of colour is added to the history.
 */
@Service
class AddressColours {

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final List<ColourRecordSource> sources;
    private final ColourRulesVersions versions;
    private final DutchTime time;
    private final DestroyedRecords destroyedRecords;
    private final KnownAddresses knownAddresses;

    AddressColours(
            JdbcTemplate jdbc,
            List<ColourRecordSource> sources,
            ColourRulesVersions versions,
            DutchTime time,
            ApplicationEventPublisher events,
            DestroyedRecords destroyedRecords,
            KnownAddresses knownAddresses) {
        this.knownAddresses = knownAddresses;
        this.events = events;
        this.destroyedRecords = destroyedRecords;
        this.jdbc = jdbc;
        this.sources = sources;
        this.versions = versions;
        this.time = time;
    }

    /**
     * In the publisher's transaction (ADR 0006): the colour commits with the record. What the colour derived from a
     * destroyed record goes first, so the recompute never counts it again.
     */
    @EventListener
    void on(RecordEvent event) {
        if (event instanceof RecordDestroyed destroyed) {
            destroyedRecords.forget(destroyed);
        }
        recompute(event.address(), time.today());
    }

    /** Recomputes one address's colour as of {@code today}; returns the decision, if the address has history. */
    @Transactional
    Optional<ColourDecision> recompute(AddressId address, LocalDate today) {
        // One recompute per address at a time, so the later one always sees the earlier one's record (the lock the
        // recidive reconcile takes too; sent once per transaction).
        knownAddresses.lockForDerivation(address);
        Optional<ColourDecision> decision = decide(address, today);
        if (decision.isPresent()) {
            store(address, decision.get());
        } else {
            // No history left (its records were deleted at the end of their retention): no colour either. The
            // history of earlier colours stays; it names record ids, never their content.
            jdbc.queryForList(
                            "DELETE FROM address_colour WHERE address_id = ? RETURNING colour",
                            String.class,
                            address.value())
                    .forEach(gone -> events.publishEvent(new ColourChanged(address, Colour.valueOf(gone), null)));
        }
        return decision;
    }

    /** What the active rules decide for one address as of {@code today}, from every source's records; stores nothing. */
    Optional<ColourDecision> decide(AddressId address, LocalDate today) {
        List<ColourRecord> records = sources.stream()
                .flatMap(source -> source.recordsAt(address).stream())
                .toList();
        List<ColourOverride> raises = jdbc.query(
                "SELECT reason, raised_by, raised_on FROM colour_raise WHERE address_id = ?",
                (row, n) -> new ColourOverride.Raise(
                        Objects.requireNonNullElse(row.getString("reason"), ERASED),
                        row.getString("raised_by"),
                        row.getObject("raised_on", LocalDate.class)),
                address.value());
        List<ColourOverride> overrides = new ArrayList<>(raises);
        overrides.addAll(ColourLowerings.approved(jdbc, address));
        return new ColourPolicy(versions.active()).decide(records, overrides, today);
    }

    private void store(AddressId address, ColourDecision decision) {
        String fired = decision.firedRules().stream()
                .map(Enum::name)
                .reduce((a, b) -> a + "," + b)
                .orElse("");
        // The colour before, in the statement that stores the new one (issue 18): every part of the WITH sees the row
        // as it was when the statement began (the INSERT runs to completion though nothing reads it), and the
        // address's lock (recompute) keeps anyone else from changing it meanwhile.
        List<String> previous = jdbc.queryForList(
                "WITH previous AS (SELECT colour FROM address_colour WHERE address_id = ?),"
                        + " stored AS (INSERT INTO address_colour (address_id, colour, rules_version, deciding_rule,"
                        + " fired_rules, counted_record_ids, computed_at)"
                        + " VALUES (?, ?, ?, ?, string_to_array(?, ','), ?, ?)"
                        + " ON CONFLICT (address_id) DO UPDATE SET colour = excluded.colour,"
                        + " rules_version = excluded.rules_version, deciding_rule = excluded.deciding_rule,"
                        + " fired_rules = excluded.fired_rules, counted_record_ids = excluded.counted_record_ids,"
                        + " computed_at = excluded.computed_at)"
                        + " SELECT colour FROM previous",
                String.class,
                address.value(),
                address.value(),
                decision.colour().name(),
                decision.rulesVersion(),
                decision.decidingRule().name(),
                fired,
                textArray(decision.countedRecordIds()),
                time.nowUtc());
        String before = previous.isEmpty() ? null : previous.get(0);
        if (!decision.colour().name().equals(before)) {
            jdbc.update(
                    "INSERT INTO address_colour_history (address_id, colour, previous_colour, rules_version,"
                            + " deciding_rule, fired_rules, counted_record_ids, computed_at)"
                            + " VALUES (?, ?, ?, ?, ?, string_to_array(?, ','), ?, ?)",
                    address.value(),
                    decision.colour().name(),
                    before,
                    decision.rulesVersion(),
                    decision.decidingRule().name(),
                    fired,
                    textArray(decision.countedRecordIds()),
                    time.nowUtc());
            events.publishEvent(
                    new ColourChanged(address, before == null ? null : Colour.valueOf(before), decision.colour()));
        }
    }

    Array textArray(List<String> values) {
        return jdbc.execute((java.sql.Connection connection) -> connection.createArrayOf("text", values.toArray()));
    }

    /**
     * Raises the colour of an address to red, with the professional's reason, and recomputes it. The reason is
     * kept with the raise; it is free text, so only the raising organisation's professionals and Veilig Thuis
     * read it, never the municipality's analysts.
     */
    @Transactional
    ColourDecision raise(AddressId address, String reason, Professional by) {
        LocalDate today = time.today();
        // The records at the address now: the raise's reason is about them, and goes when one of them goes.
        List<String> records = sources.stream()
                .flatMap(source -> source.recordsAt(address).stream())
                .map(ColourRecord::id)
                .toList();
        jdbc.update(
                "INSERT INTO colour_raise (id, address_id, reason, raised_by, raised_by_organisation, raised_on,"
                        + " record_ids) VALUES (?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID(),
                address.value(),
                reason,
                by.subject(),
                by.organisation().orElse(null),
                today,
                textArray(records));
        return recompute(address, today).orElseThrow();
    }

    /**
     * Why the address has its stored colour, as {@code viewer} may see it: complete for Veilig Thuis; for everyone
     * else the rules the viewer's own organisation's records and raises fire by themselves (decided by the same
     * policy on those alone), the viewer's own records, and the other organisations that contributed, by name only.
     */
    ColourExplanation explain(AddressId address, StoredColour stored, Professional viewer) {
        if (viewer.has(Role.VT_MEDEWERKER) || viewer.has(Role.VT_SUPERVISOR)) {
            return ColourExplanation.complete(stored);
        }
        String own = viewer.organisation().orElse("");
        LocalDate today = time.today();
        ColourRulesVersion version = versions.active();
        Set<String> counted = Set.copyOf(stored.countedRecordIds());
        List<ColourRecord> records = sources.stream()
                .flatMap(source -> source.recordsAt(address).stream())
                .filter(record -> counted.contains(record.id()))
                .toList();
        record OwnedRaise(ColourOverride.Raise raise, String organisation) {}
        LocalDate windowStart = today.minus(version.window());
        List<OwnedRaise> raises = jdbc
                .query(
                        "SELECT reason, raised_by, raised_on, raised_by_organisation FROM colour_raise"
                                + " WHERE address_id = ?",
                        (row, n) -> new OwnedRaise(
                                new ColourOverride.Raise(
                                        Objects.requireNonNullElse(row.getString("reason"), ERASED),
                                        row.getString("raised_by"),
                                        row.getObject("raised_on", LocalDate.class)),
                                Objects.requireNonNullElse(row.getString("raised_by_organisation"), UNKNOWN)),
                        address.value())
                .stream()
                .filter(owned -> owned.raise().from().isAfter(windowStart)
                        && !owned.raise().from().isAfter(today))
                .toList();
        List<ColourRecord> ownRecords = records.stream()
                .filter(record -> record.organisation().equals(own))
                .toList();
        List<ColourOverride> ownRaises = raises.stream()
                .filter(owned -> owned.organisation().equals(own))
                .<ColourOverride>map(OwnedRaise::raise)
                .toList();
        List<ColourRule> ownRules = new ColourPolicy(version)
                .decide(ownRecords, ownRaises, today).map(ColourDecision::firedRules).orElse(List.of()).stream()
                        .filter(rule -> stored.firedRules().contains(rule.name()))
                        .toList();
        ColourRule deciding = ColourRule.valueOf(stored.decidingRule());
        List<String> others = java.util.stream.Stream.concat(
                        records.stream().map(ColourRecord::organisation),
                        raises.stream().map(OwnedRaise::organisation))
                .filter(organisation -> !organisation.equals(own))
                .distinct()
                .sorted()
                .toList();
        return new ColourExplanation(
                ownRules.contains(deciding) ? deciding : null,
                ownRules,
                null,
                ownRecords.stream().map(ColourRecord::id).sorted().toList(),
                others);
    }

    /** What an erased reason reads as (the free text went with the record it was about). */
    static final String ERASED = "(reden verwijderd)";

    private static final String UNKNOWN = "onbekende organisatie";

    /** The stored colour of an address, with its reasons, as the address resource shows it. */
    Optional<StoredColour> stored(AddressId address) {
        return jdbc
                .query(
                        "SELECT colour, rules_version, deciding_rule, fired_rules, counted_record_ids, computed_at"
                                + " FROM address_colour WHERE address_id = ?",
                        (row, n) -> new StoredColour(
                                Colour.valueOf(row.getString("colour")),
                                row.getString("rules_version"),
                                row.getString("deciding_rule"),
                                List.of((String[]) row.getArray("fired_rules").getArray()),
                                List.of((String[])
                                        row.getArray("counted_record_ids").getArray()),
                                row.getObject("computed_at", OffsetDateTime.class)),
                        address.value())
                .stream()
                .findFirst();
    }

    /** A stored colour decision. */
    record StoredColour(
            Colour colour,
            String rulesVersion,
            String decidingRule,
            List<String> firedRules,
            List<String> countedRecordIds,
            OffsetDateTime computedAt) {

        /** The colour the rules gave, before an approved lowering capped it. */
        public Colour computedColour() {
            return ColourRule.valueOf(decidingRule).colour();
        }

        /** Whether an approved lowering (four eyes) caps the computed colour. */
        public boolean lowered() {
            return colour != computedColour();
        }
    }
}
