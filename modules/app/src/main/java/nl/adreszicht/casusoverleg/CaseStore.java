package nl.adreszicht.casusoverleg;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.adreszicht.records.AddressId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The tables of the casusoverleg as rows: what the services read and write. It applies no scope itself; each caller
 * passes the condition of {@link CaseScope} for the professional it acts for.
 */
@Component
class CaseStore {

    /** A case from referral to closing, with the organisations invited to it. */
    record CaseRow(
            UUID id,
            String number,
            String zvhRegion,
            String gemeente,
            @Nullable String vtRegion,
            AddressId address,
            CaseStatus status,
            String origin,
            @Nullable String proposalRule,
            String reason,
            @Nullable String referredBy,
            @Nullable String referredByOrganisation,
            OffsetDateTime referredAt,
            @Nullable String triagedBy,
            @Nullable OffsetDateTime triagedAt,
            @Nullable String declineReason,
            @Nullable String regisseurOrganisation,
            @Nullable String regisseurName,
            @Nullable LocalDate reviewDate,
            @Nullable String planUpdatedBy,
            @Nullable LocalDate closedOn,
            @Nullable String closedBy,
            @Nullable Outcome outcome,
            @Nullable String outcomeOrganisation,
            @Nullable String outcomeReason,
            @Nullable OffsetDateTime newRecordSince,
            List<String> partners,
            long revision) {

        public boolean invited(String organisation) {
            return partners.contains(organisation);
        }
    }

    /** One action of a plan van aanpak. */
    record ActionRow(
            UUID id,
            UUID caseId,
            String description,
            String owner,
            LocalDate deadline,
            ActionStatus status,
            @Nullable String note,
            @Nullable OffsetDateTime statusChangedAt,
            @Nullable String statusChangedBy,
            String createdBy,
            OffsetDateTime createdAt,
            long revision) {

        public boolean overdue(LocalDate today) {
            return status.isOpen() && deadline.isBefore(today);
        }
    }

    /** One goal of a plan van aanpak: safety first, then recovery. */
    record Goal(String kind, String description) {}

    /** What a meeting recorded about a case. */
    record Minutes(
            UUID meetingId,
            LocalDate heldOn,
            @Nullable String discussed,
            @Nullable String decisions,
            @Nullable String risk,
            @Nullable String by,
            OffsetDateTime at) {}

    static final String CASE_COLUMNS = "c.id, c.number, c.zvh_region, c.gemeente_code, c.vt_region, c.address_id,"
            + " c.status, c.origin, c.proposal_rule, c.reason, c.referred_by, c.referred_by_organisation,"
            + " c.referred_at, c.triaged_by, c.triaged_at, c.decline_reason, c.regisseur_organisation,"
            + " c.regisseur_name, c.review_date, c.plan_updated_by, c.closed_on, c.closed_by, c.outcome,"
            + " c.outcome_organisation, c.outcome_reason, c.new_record_since,"
            + " ARRAY(SELECT cp.organisation FROM casus_partner cp WHERE cp.casus_id = c.id ORDER BY cp.organisation)"
            + " AS partners, c.revision";

    static final RowMapper<CaseRow> CASE = (row, n) -> new CaseRow(
            row.getObject("id", UUID.class),
            row.getString("number"),
            row.getString("zvh_region"),
            row.getString("gemeente_code"),
            row.getString("vt_region"),
            new AddressId(row.getObject("address_id", UUID.class)),
            CaseStatus.ofCode(row.getString("status")),
            row.getString("origin"),
            row.getString("proposal_rule"),
            row.getString("reason"),
            row.getString("referred_by"),
            row.getString("referred_by_organisation"),
            row.getObject("referred_at", OffsetDateTime.class),
            row.getString("triaged_by"),
            row.getObject("triaged_at", OffsetDateTime.class),
            row.getString("decline_reason"),
            row.getString("regisseur_organisation"),
            row.getString("regisseur_name"),
            row.getObject("review_date", LocalDate.class),
            row.getString("plan_updated_by"),
            row.getObject("closed_on", LocalDate.class),
            row.getString("closed_by"),
            row.getString("outcome") == null
                    ? null
                    : Outcome.ofCode(row.getString("outcome")).orElseThrow(),
            row.getString("outcome_organisation"),
            row.getString("outcome_reason"),
            row.getObject("new_record_since", OffsetDateTime.class),
            strings(row, "partners"),
            row.getLong("revision"));

    static final String ACTION_COLUMNS = "a.id, a.casus_id, a.description, a.owner_organisation, a.deadline, a.status,"
            + " a.note, a.status_changed_at, a.status_changed_by, a.created_by, a.created_at, a.revision";

    static final RowMapper<ActionRow> ACTION = (row, n) -> new ActionRow(
            row.getObject("id", UUID.class),
            row.getObject("casus_id", UUID.class),
            row.getString("description"),
            row.getString("owner_organisation"),
            row.getObject("deadline", LocalDate.class),
            ActionStatus.ofCode(row.getString("status")).orElseThrow(),
            row.getString("note"),
            row.getObject("status_changed_at", OffsetDateTime.class),
            row.getString("status_changed_by"),
            row.getString("created_by"),
            row.getObject("created_at", OffsetDateTime.class),
            row.getLong("revision"));

    private final JdbcTemplate jdbc;

    CaseStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    /** The case with this id within a scope. */
    Optional<CaseRow> find(UUID id, CaseScope.Condition scope) {
        return jdbc
                .query(
                        "SELECT " + CASE_COLUMNS + " FROM casus c WHERE c.id = ? AND " + scope.sql(),
                        CASE,
                        scope.args(id))
                .stream()
                .findFirst();
    }

    /** The case with this id, whatever the scope: for the application's own work and for logging refusals. */
    Optional<CaseRow> findAnywhere(UUID id) {
        return jdbc.query("SELECT " + CASE_COLUMNS + " FROM casus c WHERE c.id = ?", CASE, id).stream()
                .findFirst();
    }

    /** The case with this id, locked for a change in the caller's transaction. */
    Optional<CaseRow> lock(UUID id) {
        jdbc.query("SELECT 1 FROM casus WHERE id = ? FOR UPDATE", row -> {}, id);
        return findAnywhere(id);
    }

    /** Every case ever opened at an address, newest first. */
    List<CaseRow> at(AddressId address) {
        return jdbc.query(
                "SELECT " + CASE_COLUMNS + " FROM casus c WHERE c.address_id = ? ORDER BY c.referred_at DESC",
                CASE,
                address.value());
    }

    /** A case with the house that runs it: the organisation and its name. */
    record HousedCase(CaseRow c, String houseOrganisation, String houseName) {}

    /** The cases at an address, newest first, each with its house, in one statement: for the address history. */
    List<HousedCase> atWithHouses(AddressId address) {
        return jdbc.query(
                "SELECT " + CASE_COLUMNS + ", z.organisation AS house_organisation, z.name AS house_name FROM casus c"
                        + " JOIN zvh_region z ON z.code = c.zvh_region WHERE c.address_id = ? ORDER BY c.referred_at DESC",
                (row, n) -> new HousedCase(
                        CASE.mapRow(row, n), row.getString("house_organisation"), row.getString("house_name")),
                address.value());
    }

    /** The cases of a scope, with more conditions and an order, at most 500. */
    List<CaseRow> list(CaseScope.Condition scope, String more, String order, Object... moreParams) {
        Object[] params = scope.args();
        Object[] all = Arrays.copyOf(params, params.length + moreParams.length);
        System.arraycopy(moreParams, 0, all, params.length, moreParams.length);
        return jdbc.query(
                "SELECT " + CASE_COLUMNS + " FROM casus c WHERE " + scope.sql() + more + " ORDER BY " + order
                        + " LIMIT 500",
                CASE,
                all);
    }

    List<ActionRow> actions(UUID caseId) {
        return jdbc.query(
                "SELECT " + ACTION_COLUMNS + " FROM casus_action a WHERE a.casus_id = ? ORDER BY a.deadline,"
                        + " a.created_at",
                ACTION,
                caseId);
    }

    Optional<ActionRow> action(UUID id) {
        return jdbc.query("SELECT " + ACTION_COLUMNS + " FROM casus_action a WHERE a.id = ?", ACTION, id).stream()
                .findFirst();
    }

    List<Goal> goals(UUID caseId) {
        return jdbc.query(
                "SELECT kind, description FROM casus_goal WHERE casus_id = ? ORDER BY position",
                (row, n) -> new Goal(row.getString("kind"), row.getString("description")),
                caseId);
    }

    /** What the meetings recorded about a case, oldest first. */
    List<Minutes> minutes(UUID caseId) {
        return jdbc.query(
                "SELECT oc.overleg_id, o.held_on, oc.discussed, oc.decisions, oc.risk, oc.minutes_by, oc.minutes_at"
                        + " FROM overleg_casus oc JOIN overleg o ON o.id = oc.overleg_id"
                        + " WHERE oc.casus_id = ? AND oc.minutes_at IS NOT NULL ORDER BY o.held_on, o.starts_at",
                (row, n) -> new Minutes(
                        row.getObject("overleg_id", UUID.class),
                        row.getObject("held_on", LocalDate.class),
                        row.getString("discussed"),
                        row.getString("decisions"),
                        row.getString("risk"),
                        row.getString("minutes_by"),
                        row.getObject("minutes_at", OffsetDateTime.class)),
                caseId);
    }

    /** The records a case was opened for, as source and id. */
    List<String[]> records(UUID caseId) {
        return jdbc.query(
                "SELECT source, record_id FROM casus_record WHERE casus_id = ?",
                (row, n) -> new String[] {row.getString(1), row.getString(2)},
                caseId);
    }

    private static List<String> strings(ResultSet row, String column) throws SQLException {
        java.sql.Array array = row.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
