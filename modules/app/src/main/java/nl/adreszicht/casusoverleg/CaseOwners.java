package nl.adreszicht.casusoverleg;

import java.util.List;
import java.util.Optional;
import nl.adreszicht.audit.OwnedObjects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The access log's owners of the casusoverleg's objects: a case (and each of its actions) and a meeting belong to the
 * Zorg- en Veiligheidshuis of their region, so its privacy officer sees every access to them, by anyone.
 */
final class CaseOwners {

    private CaseOwners() {}

    /** Below every random id: where paging starts. */
    private static final String NO_ID = "00000000-0000-0000-0000-000000000000";

    /** The ids of {@code table} (a constant here, never input) after {@code after}, in order, for the verifier. */
    private static List<String> idsAfter(JdbcTemplate jdbc, String table, @Nullable String after, int limit) {
        return jdbc.queryForList(
                "SELECT id::text FROM " + table + " WHERE id > ?::uuid ORDER BY id LIMIT ?",
                String.class,
                after == null ? NO_ID : after,
                limit);
    }

    @Component
    static class Cases implements OwnedObjects {

        private final JdbcTemplate jdbc;

        Cases(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public String objectType() {
            return CasePlans.OBJECT_TYPE;
        }

        @Override
        public Optional<Owned> find(String objectId) {
            return CaseRetention.id(objectId)
                    .flatMap(id -> jdbc
                            .query(
                                    "SELECT z.organisation, c.address_id, c.referred_at FROM casus c"
                                            + " JOIN zvh_region z ON z.code = c.zvh_region WHERE c.id = ?",
                                    (row, n) -> new Owned(
                                            row.getString(1),
                                            row.getString(2),
                                            row.getObject(3, java.time.OffsetDateTime.class)),
                                    id)
                            .stream()
                            .findFirst());
        }

        /** Every case, referred or proposed, has the entry of its creation. */
        @Override
        public List<String> idsAfter(@Nullable String after, int limit) {
            return CaseOwners.idsAfter(jdbc, "casus", after, limit);
        }
    }

    @Component
    static class Actions implements OwnedObjects {

        private final JdbcTemplate jdbc;

        Actions(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public String objectType() {
            return CasePlans.ACTION_TYPE;
        }

        @Override
        public Optional<Owned> find(String objectId) {
            return CaseRetention.id(objectId)
                    .flatMap(id -> jdbc
                            .query(
                                    "SELECT z.organisation, c.address_id, a.created_at FROM casus_action a"
                                            + " JOIN casus c ON c.id = a.casus_id JOIN zvh_region z ON z.code = c.zvh_region"
                                            + " WHERE a.id = ?",
                                    (row, n) -> new Owned(
                                            row.getString(1),
                                            row.getString(2),
                                            row.getObject(3, java.time.OffsetDateTime.class)),
                                    id)
                            .stream()
                            .findFirst());
        }

        /**
         * None: an action is part of its case, and its creation is logged as a change of that case ({@code AANMAKEN}
         * on the case); the case's own creation entry is what the verifier checks.
         */
        @Override
        public List<String> idsAfter(@Nullable String after, int limit) {
            return List.of();
        }
    }

    @Component
    static class MeetingOwners implements OwnedObjects {

        private final JdbcTemplate jdbc;

        MeetingOwners(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public String objectType() {
            return Meetings.OBJECT_TYPE;
        }

        @Override
        public Optional<Owned> find(String objectId) {
            return CaseRetention.id(objectId)
                    .flatMap(id -> jdbc
                            .query(
                                    "SELECT z.organisation, o.created_at FROM overleg o JOIN zvh_region z ON z.code ="
                                            + " o.zvh_region WHERE o.id = ?",
                                    (row, n) -> new Owned(
                                            row.getString(1), null, row.getObject(2, java.time.OffsetDateTime.class)),
                                    id)
                            .stream()
                            .findFirst());
        }

        /** Every meeting has the entry of its planning. */
        @Override
        public List<String> idsAfter(@Nullable String after, int limit) {
            return CaseOwners.idsAfter(jdbc, "overleg", after, limit);
        }
    }
}
