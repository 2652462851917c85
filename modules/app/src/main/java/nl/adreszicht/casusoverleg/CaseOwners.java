package nl.adreszicht.casusoverleg;

import java.time.OffsetDateTime;
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

    /**
     * The owned objects of one table: the owner, address and creation moment of one by its id ({@code owner}, a query
     * of those three columns), and the ids the verifier pages through ({@code table}; null when the creation of these
     * objects is logged on another object). Both are constants here, never input.
     */
    private abstract static class Owners implements OwnedObjects {

        private final JdbcTemplate jdbc;
        private final String objectType;
        private final String owner;
        private final @Nullable String table;

        Owners(JdbcTemplate jdbc, String objectType, String owner, @Nullable String table) {
            this.jdbc = jdbc;
            this.objectType = objectType;
            this.owner = owner;
            this.table = table;
        }

        @Override
        public String objectType() {
            return objectType;
        }

        @Override
        public Optional<Owned> find(String objectId) {
            return CaseRetention.id(objectId)
                    .flatMap(id -> jdbc
                            .query(
                                    owner,
                                    (row, n) -> new Owned(
                                            row.getString(1), row.getString(2), row.getObject(3, OffsetDateTime.class)),
                                    id)
                            .stream()
                            .findFirst());
        }

        @Override
        public List<String> idsAfter(@Nullable String after, int limit) {
            if (table == null) {
                return List.of();
            }
            return jdbc.queryForList(
                    "SELECT id::text FROM " + table + " WHERE id > ?::uuid ORDER BY id LIMIT ?",
                    String.class,
                    after == null ? NO_ID : after,
                    limit);
        }
    }

    /** A case, referred or proposed: each has the entry of its creation. */
    @Component
    static class Cases extends Owners {

        Cases(JdbcTemplate jdbc) {
            super(
                    jdbc,
                    CasePlans.OBJECT_TYPE,
                    "SELECT z.organisation, c.address_id, c.referred_at FROM casus c"
                            + " JOIN zvh_region z ON z.code = c.zvh_region WHERE c.id = ?",
                    "casus");
        }
    }

    /**
     * An action of a plan. Its creation is logged as a change of its case ({@code AANMAKEN} on the case), so the
     * verifier checks the case's creation entry, not one per action.
     */
    @Component
    static class Actions extends Owners {

        Actions(JdbcTemplate jdbc) {
            super(
                    jdbc,
                    CasePlans.ACTION_TYPE,
                    "SELECT z.organisation, c.address_id, a.created_at FROM casus_action a"
                            + " JOIN casus c ON c.id = a.casus_id JOIN zvh_region z ON z.code = c.zvh_region"
                            + " WHERE a.id = ?",
                    null);
        }
    }

    /** A meeting, at no address: each has the entry of its planning. */
    @Component
    static class MeetingOwners extends Owners {

        MeetingOwners(JdbcTemplate jdbc) {
            super(
                    jdbc,
                    Meetings.OBJECT_TYPE,
                    "SELECT z.organisation, NULL, o.created_at FROM overleg o JOIN zvh_region z ON z.code = o.zvh_region"
                            + " WHERE o.id = ?",
                    "overleg");
        }
    }
}
