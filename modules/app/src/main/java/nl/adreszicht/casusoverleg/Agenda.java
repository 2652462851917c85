package nl.adreszicht.casusoverleg;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The agendas of the meetings. A case is on the agenda of the next meeting of its region that covers its gemeente and
 * has not discussed it yet: when it is accepted, when a new record arrives at its address (with a marker), and when a
 * meeting is planned while it has open actions, was never discussed, waits for its review, or has the marker. A case
 * is on at most one agenda that has not yet discussed it.
 */
@Component
class Agenda {

    /** Why a case is on an agenda; the code is stored. */
    static final String NEW = "nieuw";

    static final String OPEN_ACTIONS = "open-acties";
    static final String NEW_RECORD = "nieuwe-registratie";
    static final String REVIEW = "herbeoordeling";

    private final JdbcTemplate jdbc;

    Agenda(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The next meeting (today or later) of the region that covers the gemeente and has not discussed the case. */
    Optional<UUID> nextMeeting(String region, String gemeente, UUID caseId, LocalDate today) {
        return jdbc
                .queryForList(
                        "SELECT o.id FROM overleg o JOIN overleg_gemeente og ON og.overleg_id = o.id"
                                + " AND og.gemeente_code = ? WHERE o.zvh_region = ? AND o.held_on >= ?"
                                + " AND NOT EXISTS (SELECT 1 FROM overleg_casus oc WHERE oc.overleg_id = o.id"
                                + " AND oc.casus_id = ? AND oc.minutes_at IS NOT NULL)"
                                + " ORDER BY o.held_on, o.starts_at LIMIT 1",
                        UUID.class,
                        gemeente,
                        region,
                        today,
                        caseId)
                .stream()
                .findFirst();
    }

    /** Puts the case on the next meeting's agenda, if a meeting is planned; the marker is kept once set. */
    void putOnNext(CaseStore.CaseRow c, String reason, boolean newRecord, LocalDate today) {
        nextMeeting(c.zvhRegion(), c.gemeente(), c.id(), today)
                .ifPresent(meeting -> put(meeting, c.id(), reason, newRecord));
    }

    void put(UUID meeting, UUID caseId, String reason, boolean newRecord) {
        jdbc.update(
                "INSERT INTO overleg_casus (overleg_id, casus_id, position, agenda_reason, new_record)"
                        + " VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 FROM overleg_casus WHERE overleg_id = ?),"
                        + " ?, ?) ON CONFLICT (overleg_id, casus_id) DO UPDATE"
                        + " SET new_record = overleg_casus.new_record OR excluded.new_record,"
                        // The item may change: a client recording minutes from an older read gets 412.
                        + " revision = overleg_casus.revision + 1",
                meeting,
                caseId,
                meeting,
                reason,
                newRecord);
    }

    /**
     * The agenda of a meeting being planned: every running case of its gemeenten that was never discussed, has open
     * actions (carried over from earlier meetings), has a new record since it was last discussed, or is due for
     * review by the day of the meeting; unless another meeting still to come has it on its agenda.
     */
    void compose(UUID meeting, String region, List<String> gemeenten, LocalDate heldOn, LocalDate today) {
        record Candidate(UUID id, boolean newRecord, boolean neverDiscussed, boolean openActions, boolean review) {}
        List<Candidate> candidates = jdbc.query(
                "SELECT c.id, c.new_record_since IS NOT NULL AS new_record,"
                        + " NOT EXISTS (SELECT 1 FROM overleg_casus d WHERE d.casus_id = c.id"
                        + " AND d.minutes_at IS NOT NULL) AS never_discussed,"
                        + " EXISTS (SELECT 1 FROM casus_action a WHERE a.casus_id = c.id"
                        + " AND a.status IN ('open', 'gestart')) AS open_actions,"
                        + " c.review_date IS NOT NULL AND c.review_date <= ? AS review"
                        + " FROM casus c WHERE c.zvh_region = ? AND c.status = 'lopend' AND c.gemeente_code = ANY (?)"
                        + " AND NOT EXISTS (SELECT 1 FROM overleg_casus oc JOIN overleg o ON o.id = oc.overleg_id"
                        + " WHERE oc.casus_id = c.id AND o.id <> ? AND o.held_on >= ? AND oc.minutes_at IS NULL)"
                        + " ORDER BY c.referred_at",
                (row, n) -> new Candidate(
                        row.getObject("id", UUID.class),
                        row.getBoolean("new_record"),
                        row.getBoolean("never_discussed"),
                        row.getBoolean("open_actions"),
                        row.getBoolean("review")),
                heldOn,
                region,
                gemeenten.toArray(String[]::new),
                meeting,
                today);
        for (Candidate candidate : candidates) {
            @Nullable
            String reason = candidate.newRecord()
                    ? NEW_RECORD
                    : candidate.neverDiscussed()
                            ? NEW
                            : candidate.openActions() ? OPEN_ACTIONS : candidate.review() ? REVIEW : null;
            if (reason != null) {
                put(meeting, candidate.id(), reason, candidate.newRecord());
            }
        }
    }
}
