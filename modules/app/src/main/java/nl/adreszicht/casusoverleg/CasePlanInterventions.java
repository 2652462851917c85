package nl.adreszicht.casusoverleg;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.AddressReads;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The query port of the recidive measurement (domain.md, "Recidive"): the plans van aanpak of the casusoverleg as
 * interventions, each with its address and dates, so the measurement can compare the share of addresses with a new
 * record 6 and 12 months after against the 12 months before. Opaque ids and dates only, for aggregate figures; never
 * shown to a person as they are.
 */
@Component
public class CasePlanInterventions {

    /**
     * One case as an intervention.
     *
     * @param caseId the case's opaque id
     * @param address the household's address
     * @param gemeente the gemeente code of the address when it was referred
     * @param acceptedOn the day the procesregisseur accepted it: the start of the intervention
     * @param planSetOn the day its plan van aanpak was first set, if it has one: the start of the plan as an
     *     intervention, which later changes of the plan do not move
     * @param planOn the day its plan van aanpak was last set, if it has one
     * @param closedOn the day it closed, if it did
     * @param outcome how it closed ({@code veiligheid-bereikt}, {@code overgedragen}, {@code gestopt}), if it did
     */
    public record Intervention(
            UUID caseId,
            AddressId address,
            String gemeente,
            LocalDate acceptedOn,
            @Nullable LocalDate planSetOn,
            @Nullable LocalDate planOn,
            @Nullable LocalDate closedOn,
            @Nullable String outcome) {}

    private final JdbcTemplate jdbc;

    CasePlanInterventions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The accepted cases (running or closed) accepted on a day from {@code from} up to, not including, {@code until}. */
    @Transactional(readOnly = true)
    public List<Intervention> acceptedBetween(LocalDate from, LocalDate until) {
        return accepted(
                " AND (triaged_at AT TIME ZONE '" + DutchTime.ZONE_ID + "')::date >= ?"
                        + " AND (triaged_at AT TIME ZONE '" + DutchTime.ZONE_ID + "')::date < ?",
                from,
                until);
    }

    /** The accepted cases (running or closed) at one address, whatever their age: what the monitor reads. */
    @Transactional(readOnly = true)
    public List<Intervention> acceptedAt(AddressId address) {
        // Read once per transaction (AddressReads): the monitor asks for the cases as records and for their plans.
        return AddressReads.at(
                address, "casusoverleg.acceptedAt", () -> accepted(" AND address_id = ?", address.value()));
    }

    /** The accepted cases that also meet {@code condition}, in the order they were accepted. */
    private List<Intervention> accepted(String condition, Object... arguments) {
        return jdbc.query(
                "SELECT id, address_id, gemeente_code, triaged_at, plan_set_at, plan_updated_at, closed_on, outcome"
                        + " FROM casus WHERE status IN ('lopend', 'gesloten')" + condition + " ORDER BY triaged_at",
                (row, n) -> new Intervention(
                        row.getObject("id", UUID.class),
                        new AddressId(row.getObject("address_id", UUID.class)),
                        row.getString("gemeente_code"),
                        DutchTime.dayOf(row.getObject("triaged_at", OffsetDateTime.class)),
                        dayOf(row.getObject("plan_set_at", OffsetDateTime.class)),
                        dayOf(row.getObject("plan_updated_at", OffsetDateTime.class)),
                        row.getObject("closed_on", LocalDate.class),
                        row.getString("outcome")),
                arguments);
    }

    private static @Nullable LocalDate dayOf(@Nullable OffsetDateTime moment) {
        return moment == null ? null : DutchTime.dayOf(moment);
    }

    /** The closed cases closed on a day from {@code from} up to, not including, {@code until}, with their outcome. */
    @Transactional(readOnly = true)
    public List<Intervention> closedBetween(LocalDate from, LocalDate until) {
        // Filtered in the query: every closed case was accepted (status gesloten), none is read to be dropped.
        return accepted(" AND closed_on >= ? AND closed_on < ?", from, until);
    }
}
