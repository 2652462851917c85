package nl.adreszicht.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.adreszicht.records.ReadLimitExceededException;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Professional;
import nl.adreszicht.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes access log entries, fail-closed: any failure propagates, so no entry means no access. An entry about an
 * access that succeeds is written in the caller's transaction when there is one, as its last statement: the record
 * and its entry (a registration, a change, a deletion) and the read and its entry commit together or not at all, and
 * nothing leaves the server before that commit (ADR 0013). A refusal is written in a transaction of its own, because
 * the work it refused rolls back. Without a caller's transaction an entry commits on its own before the caller goes
 * on.
 *
 * <p>Every insert takes a shared advisory lock ({@link AccessLogSealer#IN_FLIGHT}) until its transaction ends, so the
 * sealer, which extends the hash chain in id order, never seals past an entry whose transaction is still open.
 */
@Service
public class AccessLog {

    /**
     * The entry, after the lock that tells the sealer its transaction is open: taken in the same statement, before
     * the entry gets its id.
     */
    static final String INSERT = """
            INSERT INTO access_log (kind, action, actor_subject, on_behalf_of, actor_organisation, actor_roles,
                                    object_type, object_id, purpose, legal_basis, break_the_glass,
                                    origin_ip, origin_client, object_owner)
            SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM pg_advisory_xact_lock_shared(%d)
            """.formatted(AccessLogSealer.IN_FLIGHT);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final TransactionTemplate callersTransaction;
    private final CurrentProfessional currentProfessional;
    private final ObjectProvider<OwnedObjects> owners;
    private final ReadGuard readGuard;

    AccessLog(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            CurrentProfessional currentProfessional,
            ObjectProvider<OwnedObjects> owners,
            ReadGuard readGuard) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.callersTransaction = new TransactionTemplate(transactions);
        this.callersTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
        this.currentProfessional = currentProfessional;
        this.owners = owners;
        this.readGuard = readGuard;
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

    /**
     * Records an access by the professional behind the current request: in the caller's transaction (last, so it
     * commits with what it records), or in one of its own when the caller has none or the entry is a refusal.
     */
    public void record(AccessEntry entry) {
        HttpServletRequest request = currentRequest();
        record(
                currentProfessional.require(),
                entry,
                request == null ? null : request.getRemoteAddr(),
                CurrentProfessional.client());
    }

    void record(Professional actor, AccessEntry entry, @Nullable String originIp, @Nullable String client) {
        try {
            // Before the entry: a read past the professional's limit is refused and leaves nothing behind but the
            // refusal (the read's own transaction rolls back with the exception; no data left the server yet).
            readGuard.admit(actor, entry);
        } catch (ReadLimitExceededException exceeded) {
            write(
                    actor,
                    new AccessEntry(
                            AccessKind.GEWEIGERD,
                            entry.action(),
                            entry.objectType(),
                            entry.objectId(),
                            entry.breakTheGlass()),
                    originIp,
                    client);
            throw exceeded;
        }
        write(actor, entry, originIp, client);
    }

    private void write(Professional actor, AccessEntry entry, @Nullable String originIp, @Nullable String client) {
        LegalGround ground = LegalGround.of(entry.action(), actor.roles());
        String owner = ownerOf(entry.objectType(), entry.objectId());
        String roles = actor.roles().stream().map(Role::realmRole).sorted().collect(Collectors.joining(","));
        TransactionTemplate transaction = transactionFor(entry);
        transaction.executeWithoutResult(status -> jdbc.update(
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
        if (transaction == callersTransaction) {
            remember(entry);
        }
    }

    /**
     * Records an access by the application itself, with no professional behind it (a scheduled job such as the
     * retention sweep). It bypasses the permission matrix on purpose: the job's authority is its configuration,
     * and the entry names the job, the organisation whose data it touched, and the purpose and basis the job
     * states. Like every entry it commits with the caller's transaction (a deletion and its entry together).
     */
    public void recordBySystem(SystemActor actor, AccessEntry entry) {
        transactionFor(entry)
                .executeWithoutResult(status -> jdbc.update(
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

    /**
     * The entries a professional's accesses wrote in the current transaction so far (refusals and entries committed
     * on their own excluded): what a request stored, so that an idempotent replay of its answer can log the read of
     * the same objects. Empty without a transaction.
     */
    public List<AccessEntry> writtenInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !(TransactionSynchronizationManager.getResource(WRITTEN) instanceof Written written)) {
            return List.of();
        }
        return List.copyOf(written.entries());
    }

    /** The entries of one transaction, bound to it and unbound when it completes. */
    private record Written(List<AccessEntry> entries) {}

    private static final Object WRITTEN = new Object();

    private static void remember(AccessEntry entry) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        Object bound = TransactionSynchronizationManager.getResource(WRITTEN);
        Written written;
        if (bound instanceof Written earlier) {
            written = earlier;
        } else {
            written = new Written(new ArrayList<>());
            TransactionSynchronizationManager.bindResource(WRITTEN, written);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(WRITTEN);
                }
            });
        }
        written.entries().add(entry);
    }

    /**
     * A refusal survives the rollback of what it refused; any other entry commits with the access it records. A
     * caller's read-only transaction cannot take an insert: the entry then commits on its own, first, as before.
     */
    private TransactionTemplate transactionFor(AccessEntry entry) {
        return entry.kind() == AccessKind.GEWEIGERD || TransactionSynchronizationManager.isCurrentTransactionReadOnly()
                ? ownTransaction
                : callersTransaction;
    }

    private static @Nullable HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
    }
}
