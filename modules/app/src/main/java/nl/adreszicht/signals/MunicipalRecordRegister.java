package nl.adreszicht.signals;

import java.util.Optional;
import java.util.UUID;
import nl.adreszicht.audit.AccessEntry;
import nl.adreszicht.audit.AccessKind;
import nl.adreszicht.audit.AccessLog;
import nl.adreszicht.records.NumberedRegistration;
import nl.adreszicht.records.RecordStored;
import nl.adreszicht.retention.RetentionSchedule;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Professional;
import nl.adreszicht.time.DutchTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registering and reading municipal records, within the caller's organisation: the organisation comes from the
 * token, is stored with the record and is part of every lookup, so another organisation's record is simply not
 * found. A registration is one transaction: the record, {@link RecordStored} (the colour, the anonymous tally and the
 * last day of retention are derived from it in that transaction) and, last, its access-log entry, so they commit
 * together or not at all; a read is logged in the transaction that reads (ADRs 0011, 0013).
 */
@Service
class MunicipalRecordRegister {

    static final String REGISTER = "gemeenteregistraties.registreren";
    static final String REGISTER_FORM = "gemeenteregistraties.formulier.registreren";
    static final String READ = "gemeenteregistratie.lezen";
    static final String OBJECT_TYPE = "gemeenteregistratie";

    private final MunicipalRecords records;
    private final RetentionSchedule retention;
    private final AccessLog accessLog;
    private final CurrentProfessional currentProfessional;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final DutchTime time;

    MunicipalRecordRegister(
            MunicipalRecords records,
            AccessLog accessLog,
            CurrentProfessional currentProfessional,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            DutchTime time,
            RetentionSchedule retention) {
        this.retention = retention;
        this.records = records;
        this.accessLog = accessLog;
        this.currentProfessional = currentProfessional;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.time = time;
    }

    /**
     * Stores the record, or returns the stored one when the same registration number arrives again with the same
     * content (that is a read, and logged as one).
     *
     * @param action the matrix row it arrives through (the API or the form), for the access log
     * @return the stored record, and whether this call created it
     * @throws nl.adreszicht.records.ConflictException when the registration number exists with other content
     */
    NumberedRegistration<MunicipalRecordResource> register(NewMunicipalRecord registration, String action) {
        Professional professional = currentProfessional.require();
        String organisation = organisation(professional);
        MunicipalRecord record =
                MunicipalRecord.register(registration, organisation, professional.subject(), time.now());
        return transaction.execute(status -> NumberedRegistration.register(
                        record,
                        records::insert,
                        () -> records.findByOrganisationAndRegistrationNumber(organisation, record.registrationNumber())
                                .orElseThrow(),
                        MunicipalRecord::contentHash,
                        "Dit registratienummer bestaat al voor uw organisatie, met een andere inhoud. Een gewijzigde"
                                + " registratie krijgt een nieuw registratienummer.",
                        created -> {
                            // A municipal record names no persons, and its day is both when it happened and when it was
                            // recorded.
                            events.publishEvent(new RecordStored(
                                    record.kind().source(),
                                    record.id().toString(),
                                    record.address(),
                                    organisation,
                                    record.date(),
                                    record.date(),
                                    record.severity(),
                                    Boolean.TRUE.equals(record.childrenPresent()),
                                    record.violenceTypes()));
                        })
                .map((stored, created) -> logged(created ? AccessKind.AANMAKEN : AccessKind.LEZEN, action, stored)));
    }

    /** The caller's organisation's record with this id, if any. */
    Optional<MunicipalRecordResource> read(UUID id) {
        String organisation = organisation(currentProfessional.require());
        Optional<MunicipalRecordResource> found =
                transaction.execute(status -> records.findByIdAndOrganisation(id, organisation)
                        .map(record -> logged(AccessKind.LEZEN, READ, record)));
        if (found.isEmpty()) {
            accessLog.refusedIfExists(READ, OBJECT_TYPE, id.toString());
        }
        return found;
    }

    /** The record as the API shows it, with its last day of retention; its access is logged last, in the caller's transaction. */
    private MunicipalRecordResource logged(AccessKind kind, String action, MunicipalRecord record) {
        MunicipalRecordResource resource = MunicipalRecordResource.of(
                record,
                retention
                        .keptUntil(record.kind().source(), record.id().toString())
                        .orElse(null));
        accessLog.record(AccessEntry.of(kind, action, OBJECT_TYPE, resource.id()));
        return resource;
    }

    /** A record's id from its text; an id that is no UUID names no record. */
    static Optional<UUID> id(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    private static String organisation(Professional professional) {
        return professional
                .organisation()
                .orElseThrow(() -> new AccessDeniedException(
                        "Een gemeentelijke registratie hoort bij een organisatie; uw account heeft er geen."));
    }
}
