package nl.adreszicht.matching;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.RecordDestroyed;
import nl.adreszicht.records.RecordedAtAddress;
import nl.adreszicht.time.DutchTime;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matches a new record against the other organisations' records at its address, in the recording transaction, so
 * a match exists exactly when the record does. Only the organisations are stored, never what they recorded.
 */
@Service
class SignalMatches {

    private final List<SignalHolders> sources;
    private final JdbcTemplate jdbc;
    private final DutchTime time;

    SignalMatches(List<SignalHolders> sources, JdbcTemplate jdbc, DutchTime time) {
        this.sources = sources;
        this.jdbc = jdbc;
        this.time = time;
    }

    @EventListener
    @Transactional
    void on(RecordedAtAddress recorded) {
        if (recorded.recordedBy() != null) {
            match(recorded.address(), recorded.recordedBy());
        }
    }

    /**
     * A record is gone: a match stands only between organisations that both still hold a signal at the address, so
     * the matches of an organisation whose last signal there it was go too.
     */
    @EventListener
    void on(RecordDestroyed destroyed) {
        Set<String> remaining = sources.stream()
                .flatMap(source -> source.organisationsWithSignalsAt(destroyed.address()).stream())
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        jdbc.update(
                "DELETE FROM signal_match WHERE address_id = ? AND NOT (organisation = ANY (?) AND"
                        + " other_organisation = ANY (?))",
                destroyed.address().value(),
                remaining.toArray(String[]::new),
                remaining.toArray(String[]::new));
    }

    /** Tells {@code organisation} and every other organisation with a signal at {@code address} about each other. */
    void match(AddressId address, String organisation) {
        Set<String> others = sources.stream()
                .flatMap(source -> source.organisationsWithSignalsAt(address).stream())
                .filter(Objects::nonNull)
                .filter(other -> !other.equals(organisation))
                .collect(Collectors.toSet());
        OffsetDateTime now = time.nowUtc();
        for (String other : others) {
            notify(address, organisation, other, now);
            notify(address, other, organisation, now);
        }
    }

    private void notify(AddressId address, String recipient, String other, OffsetDateTime now) {
        jdbc.update(
                "INSERT INTO signal_match (id, address_id, organisation, other_organisation, first_at, last_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (address_id, organisation, other_organisation)"
                        + " DO UPDATE SET last_at = excluded.last_at",
                UUID.randomUUID(),
                address.value(),
                recipient,
                other,
                now,
                now);
    }

    /** The matches of an organisation, newest first; at one address when {@code address} is given. */
    @Transactional(readOnly = true)
    List<Match> of(String organisation, @org.jspecify.annotations.Nullable AddressId address) {
        String where = address == null ? "" : " AND address_id = ?";
        Object[] parameters =
                address == null ? new Object[] {organisation} : new Object[] {organisation, address.value()};
        return jdbc.query(
                "SELECT id, address_id, other_organisation, first_at, last_at FROM signal_match WHERE organisation = ?"
                        + where + " ORDER BY last_at DESC LIMIT 500",
                (row, n) -> new Match(
                        row.getObject("id", UUID.class),
                        new AddressId(row.getObject("address_id", UUID.class)),
                        row.getString("other_organisation"),
                        row.getObject("first_at", OffsetDateTime.class),
                        row.getObject("last_at", OffsetDateTime.class)),
                parameters);
    }

    /** One organisation's notice: another organisation also has a signal at this address, since and last when. */
    record Match(UUID id, AddressId address, String otherOrganisation, OffsetDateTime since, OffsetDateTime last) {}
}
