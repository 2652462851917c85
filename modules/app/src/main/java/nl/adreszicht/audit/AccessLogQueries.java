package nl.adreszicht.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Professional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/**
 * What privacy officers (and, for the break-the-glass queue, VT supervisors) may read of the log: entries of
 * professionals of their own organisation, and every entry about an object their organisation owns (an incident,
 * melding or municipal record it stored), by anyone; filtered in the query. For a record of their own, the reads of
 * its address's history since it was stored are shown too: the record was in what those reads showed. Every read is
 * itself logged first.
 */
@Service
class AccessLogQueries {

    static final int LIMIT = 200;

    private static final String SELECT = "SELECT id, logged_at, kind, action, actor_subject, on_behalf_of,"
            + " actor_organisation, actor_roles, object_type, object_id, purpose, legal_basis, break_the_glass,"
            + " origin_ip, origin_client FROM access_log WHERE ";

    /** The actions that show the cross-agency history of an address (the radar), in the API and on the page. */
    static final String[] HISTORY_READS = {"adres.historie.lezen", "adres.historie.pagina"};

    private static final RowMapper<LoggedAccess> ROW = (row, n) -> new LoggedAccess(
            row.getLong("id"),
            row.getObject("logged_at", OffsetDateTime.class),
            row.getString("kind"),
            row.getString("action"),
            row.getString("actor_subject"),
            row.getString("on_behalf_of"),
            row.getString("actor_organisation"),
            row.getString("actor_roles"),
            row.getString("object_type"),
            row.getString("object_id"),
            row.getString("purpose"),
            row.getString("legal_basis"),
            row.getBoolean("break_the_glass"),
            row.getString("origin_ip"),
            row.getString("origin_client"));

    private final JdbcTemplate jdbc;
    private final AccessLog accessLog;
    private final CurrentProfessional currentProfessional;
    private final List<ObjectAliases> aliases;

    AccessLogQueries(
            JdbcTemplate jdbc,
            AccessLog accessLog,
            CurrentProfessional currentProfessional,
            List<ObjectAliases> aliases) {
        this.jdbc = jdbc;
        this.accessLog = accessLog;
        this.currentProfessional = currentProfessional;
        this.aliases = aliases;
    }

    /**
     * The statements the privacy officer's reads run, for the query-plan guards. {@code ANY (?)} takes the object's
     * ids (its own and former ones) and the owner names of the officer (organisation and, for old Veilig Thuis
     * records, VT region).
     */
    static final String BY_OBJECT = SELECT
            + "object_id = ANY (?) AND (actor_organisation = ? OR object_owner = ANY (?)) ORDER BY id DESC LIMIT "
            + LIMIT;

    static final String BY_PROFESSIONAL = SELECT
            + "actor_subject = ? AND (actor_organisation = ? OR object_owner = ANY (?)) ORDER BY id DESC LIMIT "
            + LIMIT;

    static final String BREAK_THE_GLASS =
            SELECT + "actor_organisation = ? AND break_the_glass ORDER BY id DESC LIMIT " + LIMIT;

    static final String HISTORY_OF_ADDRESS = SELECT
            + "object_type = 'adres' AND object_id = ? AND action = ANY (?) AND logged_at >= ? ORDER BY id DESC LIMIT "
            + LIMIT;

    /** Who accessed this object (an address, a person, a record) and when. */
    List<LoggedAccess> aboutObject(String objectId, String action) {
        Professional officer = logged(action, "object", objectId);
        if (officer.organisation().isEmpty()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>(List.of(objectId));
        aliases.forEach(alias -> ids.addAll(alias.aliasesOf(objectId)));
        String[] owners = owners(officer);
        List<LoggedAccess> entries = new ArrayList<>(jdbc.query(
                BY_OBJECT,
                ROW,
                ids.toArray(String[]::new),
                officer.organisation().get(),
                owners));
        accessLog
                .owned(objectId)
                .filter(owned -> List.of(owners).contains(owned.organisation()) && owned.addressId() != null)
                .ifPresent(owned -> entries.addAll(
                        jdbc.query(HISTORY_OF_ADDRESS, ROW, owned.addressId(), HISTORY_READS, owned.since())));
        return entries.stream()
                .sorted(Comparator.comparingLong(LoggedAccess::id).reversed())
                .distinct()
                .limit(LIMIT)
                .toList();
    }

    /** What this professional accessed. */
    List<LoggedAccess> byProfessional(String subject, String action) {
        Professional officer = logged(action, "gebruiker", subject);
        if (officer.organisation().isEmpty()) {
            return List.of();
        }
        return jdbc.query(BY_PROFESSIONAL, ROW, subject, officer.organisation().get(), owners(officer));
    }

    /** Break-the-glass uses, newest first: the review queue. */
    List<LoggedAccess> breakTheGlass(String action) {
        Professional officer = logged(action, null, null);
        if (officer.organisation().isEmpty()) {
            return List.of();
        }
        return jdbc.query(BREAK_THE_GLASS, ROW, officer.organisation().get());
    }

    /**
     * What the privacy officer's page asks: any of a person (their subjects), an address (its ids), an object id and
     * the break-the-glass uses, within a range of time; every criterion narrows the answer.
     *
     * @param subjects the professionals asked about; null when not asked
     * @param addressIds the ids of the address asked about; null when not asked
     * @param objectId an object asked about by its id; null when not asked
     * @param from the first instant, inclusive; null for no bound
     * @param until the end, exclusive; null for no bound
     */
    record Criteria(
            @Nullable List<String> subjects,
            @Nullable List<String> addressIds,
            @Nullable String objectId,
            boolean breakTheGlass,
            @Nullable OffsetDateTime from,
            @Nullable OffsetDateTime until) {

        /** Whether the criteria name anyone or anything: a range of time alone would read the whole log. */
        boolean namesSomething() {
            return subjects != null || addressIds != null || objectId != null || breakTheGlass;
        }
    }

    /**
     * The entries that meet the criteria, newest first, within the officer's organisation as the other reads are;
     * logged first (kind {@code kind}: a search, or an export), one entry per thing asked about.
     */
    List<LoggedAccess> search(Criteria criteria, AccessKind kind, String action) {
        Professional officer = currentProfessional.require();
        if (criteria.subjects() != null) {
            if (criteria.subjects().isEmpty()) {
                accessLog.record(new AccessEntry(kind, action, "gebruiker", null, false));
            }
            criteria.subjects()
                    .forEach(subject -> accessLog.record(new AccessEntry(kind, action, "gebruiker", subject, false)));
        }
        if (criteria.addressIds() != null) {
            if (criteria.addressIds().isEmpty()) {
                accessLog.record(new AccessEntry(kind, action, "adres", null, false));
            }
            criteria.addressIds().forEach(id -> accessLog.record(new AccessEntry(kind, action, "adres", id, false)));
        }
        if (criteria.objectId() != null) {
            accessLog.record(new AccessEntry(kind, action, "object", criteria.objectId(), false));
        }
        if (criteria.breakTheGlass()
                && criteria.subjects() == null
                && criteria.addressIds() == null
                && criteria.objectId() == null) {
            accessLog.record(new AccessEntry(kind, action, null, null, false));
        }
        if (officer.organisation().isEmpty()
                || (criteria.subjects() != null && criteria.subjects().isEmpty())
                || (criteria.addressIds() != null && criteria.addressIds().isEmpty())) {
            return List.of();
        }
        String[] owners = owners(officer);
        StringBuilder sql = new StringBuilder(SELECT);
        List<Object> arguments = new ArrayList<>();
        if (criteria.breakTheGlass()) {
            // The review queue of the officer's own organisation, as the break-the-glass list is.
            sql.append("actor_organisation = ? AND break_the_glass");
            arguments.add(officer.organisation().get());
        } else {
            sql.append("(actor_organisation = ? OR object_owner = ANY (?))");
            arguments.add(officer.organisation().get());
            arguments.add(owners);
        }
        if (criteria.subjects() != null) {
            sql.append(" AND actor_subject = ANY (?)");
            arguments.add(criteria.subjects().toArray(String[]::new));
        }
        List<String> objects = new ArrayList<>();
        if (criteria.addressIds() != null) {
            criteria.addressIds().forEach(id -> {
                objects.add(id);
                aliases.forEach(alias -> objects.addAll(alias.aliasesOf(id)));
            });
        }
        if (criteria.objectId() != null) {
            objects.add(criteria.objectId());
            aliases.forEach(alias -> objects.addAll(alias.aliasesOf(criteria.objectId())));
        }
        if (!objects.isEmpty()) {
            sql.append(" AND object_id = ANY (?)");
            arguments.add(objects.stream().distinct().toArray(String[]::new));
        }
        if (criteria.from() != null) {
            sql.append(" AND logged_at >= ?");
            arguments.add(criteria.from());
        }
        if (criteria.until() != null) {
            sql.append(" AND logged_at < ?");
            arguments.add(criteria.until());
        }
        sql.append(" ORDER BY id DESC LIMIT ").append(LIMIT);
        List<LoggedAccess> entries = new ArrayList<>(jdbc.query(sql.toString(), ROW, arguments.toArray()));
        // For a record of the officer's own organisation, also who read the address history that showed it.
        if (criteria.objectId() != null && criteria.subjects() == null && !criteria.breakTheGlass()) {
            accessLog
                    .owned(criteria.objectId())
                    .filter(owned -> List.of(owners).contains(owned.organisation()) && owned.addressId() != null)
                    .ifPresent(owned ->
                            jdbc
                                    .query(HISTORY_OF_ADDRESS, ROW, owned.addressId(), HISTORY_READS, owned.since())
                                    .stream()
                                    .filter(entry -> criteria.from() == null
                                            || !entry.tijdstip().isBefore(criteria.from()))
                                    .filter(entry -> criteria.until() == null
                                            || entry.tijdstip().isBefore(criteria.until()))
                                    .forEach(entries::add));
        }
        return entries.stream()
                .sorted(Comparator.comparingLong(LoggedAccess::id).reversed())
                .distinct()
                .limit(LIMIT)
                .toList();
    }

    private Professional logged(String action, @Nullable String objectType, @Nullable String objectId) {
        Professional officer = currentProfessional.require();
        accessLog.record(new AccessEntry(AccessKind.ZOEKEN, action, objectType, objectId, false));
        return officer;
    }

    /** The names under which the officer's organisation owns objects. */
    private static String[] owners(Professional officer) {
        List<String> owners = new ArrayList<>();
        officer.organisation().ifPresent(owners::add);
        officer.vtRegion().ifPresent(owners::add);
        return owners.toArray(String[]::new);
    }
}
