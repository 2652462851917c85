package nl.adreszicht.matching;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.AfterCommitListener;
import nl.adreszicht.records.RecordDestroyed;
import nl.adreszicht.records.RecordStored;
import nl.adreszicht.time.DutchTime;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matches a new record against the other organisations' records at its address, right after the recording
 * transaction commits, through the event publication registry: if the process dies before (or the matching fails),
 * the registry resubmits it, so no match is lost (ADR 0011). Matching is idempotent (an organisation pair per address
 * is one row) and asks the sources again each time, so a late or repeated run tells nobody about a record that is
 * gone. When a record is destroyed its matches go in the destroying transaction. Only the organisations are stored,
 * never what they recorded.
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

    @AfterCommitListener("matching.signal-matches")
    void on(RecordStored stored) {
        if (stored.organisation() != null) {
            match(stored.address(), stored.organisation());
        }
    }

    /** A signal that is not a record (an accepted case): matched the same way, after the commit. */
    @AfterCommitListener("matching.signal-raised")
    void on(SignalRaised raised) {
        match(raised.address(), raised.organisation());
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

    /**
     * Tells {@code organisation} and every other organisation with a signal at {@code address} about each other, in one
     * statement; nothing when {@code organisation} holds no signal there (any more).
     */
    void match(AddressId address, String organisation) {
        Set<String> holders = sources.stream()
                .flatMap(source -> source.organisationsWithSignalsAt(address).stream())
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        if (!holders.contains(organisation) || holders.size() < 2) {
            return;
        }
        String[] others =
                holders.stream().filter(other -> !other.equals(organisation)).toArray(String[]::new);
        OffsetDateTime now = time.nowUtc();
        // Both directions, in the order of the unique key, so two matches at one address never wait on each other.
        jdbc.update(
                "INSERT INTO signal_match (id, address_id, organisation, other_organisation, first_at, last_at)"
                        + " SELECT gen_random_uuid(), ?, pair.recipient, pair.other, ?, ? FROM ("
                        + " SELECT ? AS recipient, other FROM unnest(?::text[]) AS other"
                        + " UNION ALL SELECT other, ? FROM unnest(?::text[]) AS other) AS pair"
                        + " ORDER BY pair.recipient, pair.other"
                        + " ON CONFLICT (address_id, organisation, other_organisation)"
                        + " DO UPDATE SET last_at = excluded.last_at",
                address.value(),
                now,
                now,
                organisation,
                others,
                organisation,
                others);
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
