package nl.adreszicht.signals;

import java.util.Optional;
import java.util.UUID;
import nl.adreszicht.areascan.RecordTally;
import nl.adreszicht.audit.AccessEntry;
import nl.adreszicht.audit.AccessKind;
import nl.adreszicht.audit.AccessLog;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.records.RecordedAtAddress;
import nl.adreszicht.retention.RetentionSchedule;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Professional;
import nl.adreszicht.time.DutchTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * Registering and reading municipal records, within the caller's organisation: the organisation comes from the
 * token, is stored with the record and is part of every lookup, so another organisation's record is simply not
 * found. Every registration and read is logged before the record is returned. A new record is counted in the area
 * scan's anonymous tally in the transaction that stores it.
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
    private final RecordTally tally;
    private final TransactionTemplate transaction;
    private final TransactionTemplate readOnly;
    private final DutchTime time;

    MunicipalRecordRegister(
            MunicipalRecords records,
            AccessLog accessLog,
            CurrentProfessional currentProfessional,
            ApplicationEventPublisher events,
            RecordTally tally,
            PlatformTransactionManager transactions,
            DutchTime time,
            RetentionSchedule retention) {
        this.retention = retention;
        this.records = records;
        this.accessLog = accessLog;
        this.currentProfessional = currentProfessional;
        this.events = events;
        this.tally = tally;
        this.transaction = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.time = time;
    }

    /** The outcome of a registration: the stored record, and whether this call created it. */
    record Registration(MunicipalRecordResource record, boolean created) {}

    /**
     * Stores the record, or returns the stored one when the same registration number arrives again with the same
     * content.
     *
     * @param action the matrix row it arrives through (the API or the form), for the access log
     * @throws ResponseStatusException 409 when the registration number exists with other content
     */
    Registration register(NewMunicipalRecord registration, String action) {
        Professional professional = currentProfessional.require();
        String organisation = organisation(professional);
        String hash = registration.contentHash();
        Optional<Registration> earlier = earlier(organisation, registration, hash, action);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        MunicipalRecordResource created;
        try {
            // Its own transaction, so that a lost race on the unique registration number can be read back; the
            // colour of the address is recomputed inside it, so the record never exists without its colour.
            created = transaction.execute(status -> {
                MunicipalRecord record = records.saveAndFlush(
                        MunicipalRecord.register(registration, organisation, professional.subject(), time.now()));
                retention.schedule(
                        MunicipalRecordRetention.source(record.kind()),
                        record.id().toString(),
                        organisation,
                        record.date(),
                        java.util.List.of()); // municipal records name no persons, so no children's birth dates
                // Counted for the area scan in the same transaction, so the record is counted exactly when it exists.
                tally.count(
                        record.kind() == MunicipalRecordKind.SIGNAAL
                                ? RecordSource.GEMEENTE_SIGNAAL
                                : RecordSource.HUISVERBOD,
                        record.address(),
                        record.date(),
                        record.severity(),
                        Boolean.TRUE.equals(record.childrenPresent()),
                        record.violenceTypes());
                events.publishEvent(RecordedAtAddress.recordedBy(record.address(), organisation));
                return MunicipalRecordResource.of(record);
            });
        } catch (DataIntegrityViolationException raced) {
            // Another request stored the same number between our lookup and our insert.
            return earlier(organisation, registration, hash, action).orElseThrow(() -> raced);
        }
        accessLog.record(AccessEntry.of(AccessKind.AANMAKEN, action, OBJECT_TYPE, created.id()));
        return new Registration(created, true);
    }

    /** The caller's organisation's record with this id, if any. */
    Optional<MunicipalRecordResource> read(UUID id) {
        String organisation = organisation(currentProfessional.require());
        Optional<MunicipalRecordResource> found = readOnly.execute(
                status -> records.findByIdAndOrganisation(id, organisation).map(MunicipalRecordResource::of));
        found.ifPresentOrElse(
                record -> accessLog.record(AccessEntry.of(AccessKind.LEZEN, READ, OBJECT_TYPE, record.id())),
                () -> accessLog.refusedIfExists(READ, OBJECT_TYPE, id.toString()));
        return found;
    }

    private Optional<Registration> earlier(
            String organisation, NewMunicipalRecord registration, String hash, String action) {
        Optional<MunicipalRecord> stored = readOnly.execute(status ->
                records.findByOrganisationAndRegistrationNumber(organisation, registration.registrationNumber()));
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        if (!stored.get().contentHash().equals(hash)) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT,
                    "Dit registratienummer bestaat al voor uw organisatie, met een andere inhoud. Een gewijzigde"
                            + " registratie krijgt een nieuw registratienummer.");
        }
        MunicipalRecordResource record = MunicipalRecordResource.of(stored.get());
        // The same registration again: nothing is stored, but the stored record is shown, so it is a read.
        accessLog.record(AccessEntry.of(AccessKind.LEZEN, action, OBJECT_TYPE, record.id()));
        return Optional.of(new Registration(record, false));
    }

    private static String organisation(Professional professional) {
        return professional
                .organisation()
                .orElseThrow(() -> new AccessDeniedException(
                        "Een gemeentelijke registratie hoort bij een organisatie; uw account heeft er geen."));
    }
}
