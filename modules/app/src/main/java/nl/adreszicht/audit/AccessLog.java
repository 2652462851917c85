package nl.adreszicht.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.stream.Collectors;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Professional;
import nl.adreszicht.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes access log entries. Each entry commits in its own short transaction before the caller goes on, so
 * it exists before any data leaves the server, survives a rollback of the business transaction, and holds no
 * lock any other request waits for. Any failure propagates: no entry, no access.
 */
@Service
public class AccessLog {

    private static final String INSERT = """
            INSERT INTO access_log (kind, action, actor_subject, on_behalf_of, actor_organisation, actor_roles,
                                    object_type, object_id, purpose, legal_basis, break_the_glass,
                                    origin_ip, origin_client, object_owner)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final CurrentProfessional currentProfessional;
    private final ObjectProvider<OwnedObjects> owners;

    AccessLog(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            CurrentProfessional currentProfessional,
            ObjectProvider<OwnedObjects> owners) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.currentProfessional = currentProfessional;
        this.owners = owners;
    }

    /** The owner of the entry's object, when a module owns objects of its type and the object exists. */
    @Nullable
    String ownerOf(@Nullable String objectType, @Nullable String objectId) {
        if (objectType == null || objectId == null) {
            return null;
        }
        return owned(objectType, objectId).map(OwnedObjects.Owned::organisation).orElse(null);
    }

    /** The owned object of this type and id, if any. */
    java.util.Optional<OwnedObjects.Owned> owned(String objectType, String objectId) {
        return owners.orderedStream()
                .filter(owner -> owner.objectType().equals(objectType))
                .findFirst()
                .flatMap(owner -> owner.find(objectId));
    }

    /** The owned object with this id, whatever its type. */
    java.util.Optional<OwnedObjects.Owned> owned(String objectId) {
        return owners.orderedStream()
                .map(owner -> owner.find(objectId))
                .flatMap(java.util.Optional::stream)
                .findFirst();
    }

    /**
     * A record the caller asked for exists but lies outside their scope: they are told it was not found (which says
     * nothing about other organisations), and the log records the attempt as a refusal, with the object and its owner,
     * so the owner's privacy officer sees it. Nothing is recorded for an id that names no record.
     */
    public void refusedIfExists(String action, String objectType, String objectId) {
        if (owned(objectType, objectId).isPresent()) {
            record(new AccessEntry(AccessKind.GEWEIGERD, action, objectType, objectId, false));
        }
    }

    /** Records an access by the professional behind the current request. */
    public void record(AccessEntry entry) {
        HttpServletRequest request = currentRequest();
        record(
                currentProfessional.require(),
                entry,
                request == null ? null : request.getRemoteAddr(),
                CurrentProfessional.client());
    }

    void record(Professional actor, AccessEntry entry, @Nullable String originIp, @Nullable String client) {
        LegalGround ground = LegalGround.of(entry.action(), actor.roles());
        String owner = ownerOf(entry.objectType(), entry.objectId());
        String roles = actor.roles().stream().map(Role::realmRole).sorted().collect(Collectors.joining(","));
        ownTransaction.executeWithoutResult(status -> jdbc.update(
                INSERT,
                entry.kind().name(),
                entry.action(),
                actor.subject(),
                // Nobody acts for someone else yet; a delegation claim (RFC 8693 act) would fill this.
                null,
                actor.organisation().orElse(null),
                roles,
                entry.objectType(),
                entry.objectId(),
                ground.purpose(),
                ground.basis(),
                entry.breakTheGlass(),
                originIp,
                client,
                owner));
    }

    /**
     * Records an access by the application itself, with no professional behind it (a scheduled job such as the
     * retention sweep). It bypasses the permission matrix on purpose: the job's authority is its configuration,
     * and the entry names the job, the organisation whose data it touched, and the purpose and basis the job
     * states. Like every entry it commits in its own transaction before the caller goes on.
     */
    public void recordBySystem(SystemActor actor, AccessEntry entry) {
        ownTransaction.executeWithoutResult(status -> jdbc.update(
                INSERT,
                entry.kind().name(),
                entry.action(),
                actor.subject(),
                null,
                actor.organisation(),
                SystemActor.ROLES,
                entry.objectType(),
                entry.objectId(),
                actor.purpose(),
                actor.legalBasis(),
                false,
                null,
                SystemActor.CLIENT,
                ownerOf(entry.objectType(), entry.objectId())));
    }

    /**
     * The professionals who created or changed an object, as the log recorded them: the authors whose own work a
     * privacy officer may not destroy (separation of duties). A read of the log by the application, not by a
     * person, so not itself an entry.
     */
    public Set<String> writersOf(String objectType, String objectId) {
        return Set.copyOf(jdbc.queryForList(
                "SELECT DISTINCT actor_subject FROM access_log WHERE object_type = ? AND object_id = ?"
                        + " AND kind IN ('AANMAKEN', 'WIJZIGEN')",
                String.class,
                objectType,
                objectId));
    }

    private static @Nullable HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
    }
}
