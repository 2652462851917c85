package nl.adreszicht.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import nl.adreszicht.security.CurrentProfessional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/**
 * What privacy officers (and, for the break-the-glass queue, VT supervisors) may read of the log: entries of
 * professionals of their own organisation only, filtered in the query. Every read is itself logged first.
 */
@Service
class AccessLogQueries {

    static final int LIMIT = 200;

    private static final String SELECT = "SELECT id, logged_at, kind, action, actor_subject, on_behalf_of,"
            + " actor_organisation, actor_roles, object_type, object_id, purpose, legal_basis, break_the_glass,"
            + " origin_ip, origin_client FROM access_log WHERE actor_organisation = ? AND ";

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

    AccessLogQueries(JdbcTemplate jdbc, AccessLog accessLog, CurrentProfessional currentProfessional) {
        this.jdbc = jdbc;
        this.accessLog = accessLog;
        this.currentProfessional = currentProfessional;
    }

    /** The statements the privacy officer's reads run, for the query-plan guards. */
    static final String BY_OBJECT = SELECT + "object_id = ? ORDER BY id DESC LIMIT " + LIMIT;

    static final String BY_PROFESSIONAL = SELECT + "actor_subject = ? ORDER BY id DESC LIMIT " + LIMIT;

    static final String BREAK_THE_GLASS = SELECT + "break_the_glass ORDER BY id DESC LIMIT " + LIMIT;

    /** Who accessed this object (an address, a person, a record) and when. */
    List<LoggedAccess> aboutObject(String objectId, String action) {
        return read(action, "object", objectId, BY_OBJECT, objectId);
    }

    /** What this professional accessed. */
    List<LoggedAccess> byProfessional(String subject, String action) {
        return read(action, "gebruiker", subject, BY_PROFESSIONAL, subject);
    }

    /** Break-the-glass uses, newest first: the review queue. */
    List<LoggedAccess> breakTheGlass(String action) {
        return read(action, null, null, BREAK_THE_GLASS);
    }

    private List<LoggedAccess> read(String action, String objectType, String objectId, String sql, Object... args) {
        Optional<String> organisation = currentProfessional.require().organisation();
        accessLog.record(new AccessEntry(AccessKind.ZOEKEN, action, objectType, objectId, false));
        if (organisation.isEmpty()) {
            return List.of();
        }
        Object[] parameters = new Object[args.length + 1];
        parameters[0] = organisation.get();
        System.arraycopy(args, 0, parameters, 1, args.length);
        return jdbc.query(sql, ROW, parameters);
    }
}
