package nl.adreszicht.veiligthuis;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import nl.adreszicht.addresses.GemeenteCode;
import nl.adreszicht.addresses.KnownAddresses;
import nl.adreszicht.audit.AccessEntry;
import nl.adreszicht.audit.AccessKind;
import nl.adreszicht.audit.AccessLog;
import nl.adreszicht.codelists.VtRegions;
import nl.adreszicht.colour.ColourEscalations;
import nl.adreszicht.monitor.MonitoredRecordChanged;
import nl.adreszicht.records.ConflictException;
import nl.adreszicht.records.IfMatch;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.records.NotFoundException;
import nl.adreszicht.records.PreconditionFailedException;
import nl.adreszicht.records.RecordChanged;
import nl.adreszicht.records.RecordStored;
import nl.adreszicht.records.TerugkoppelingGegeven;
import nl.adreszicht.retention.RetentionSchedule;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Professional;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Veilig Thuis's adviezen and meldingen through the Handelingsprotocol, within the professional's VT region: the
 * region comes from the token and is part of every lookup, so another region's melding is not found; intake at an
 * address outside the region is refused. An intake or a step is one transaction: the melding as it stands after it
 * ({@link Melding}), the events others derive from it ({@link RecordStored} or {@link RecordChanged}: the colour, the
 * tally, retention; {@link TerugkoppelingGegeven} for the police melder) and, last, the access-log entry, so they
 * commit together or not at all. Every refusal is in the access log too.
 */
@Service
class Meldingen {

    static final String OBJECT_TYPE = "vt-melding";

    private final MeldingStore store;
    private final AccessLog accessLog;
    private final CurrentProfessional currentProfessional;
    private final KnownAddresses addresses;
    private final VtRegions regions;
    private final ColourEscalations escalations;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final DutchTime time;
    private final RetentionSchedule retention;

    Meldingen(
            MeldingStore store,
            AccessLog accessLog,
            CurrentProfessional currentProfessional,
            KnownAddresses addresses,
            VtRegions regions,
            ColourEscalations escalations,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            DutchTime time,
            RetentionSchedule retention) {
        this.store = store;
        this.retention = retention;
        this.accessLog = accessLog;
        this.currentProfessional = currentProfessional;
        this.addresses = addresses;
        this.regions = regions;
        this.escalations = escalations;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.time = time;
    }

    /** The VT region of the current professional; a VT account without one may do nothing here. */
    String region() {
        return currentProfessional
                .require()
                .vtRegion()
                .orElseThrow(() -> new AccessDeniedException("Uw account hoort bij geen Veilig Thuis-regio."));
    }

    /**
     * Takes in an advies or melding at an address in the caller's region.
     *
     * @throws AccessDeniedException when the address lies outside the caller's VT region (logged as a refusal)
     * @throws ConflictException when the zorgmelding was taken in before (logged as a refusal)
     */
    MeldingResource intake(NewMelding intake, String action) {
        Professional professional = currentProfessional.require();
        String gemeente =
                addresses.gemeenteOf(intake.address()).map(GemeenteCode::value).orElseThrow();
        String region = professional.vtRegion().orElse("");
        if (!regions.covers(region, gemeente)) {
            accessLog.record(AccessEntry.of(
                    AccessKind.GEWEIGERD, action, "adres", intake.address().toString()));
            throw new AccessDeniedException("Dit adres ligt buiten uw Veilig Thuis-regio.");
        }
        UUID zorgmelding = intake.zorgmelding();
        if (zorgmelding != null && store.taken(zorgmelding)) {
            throw taken(action, zorgmelding);
        }
        try {
            return transaction.execute(status -> {
                LocalDate receivedOn = DutchTime.dayOf(intake.receivedAt());
                Melding melding = Melding.takeIn(
                        intake,
                        UUID.randomUUID(),
                        store.nextNumber(region, receivedOn.getYear()),
                        region,
                        professional.organisation().orElse(null),
                        intake.kind() == NewMelding.Kind.MELDING && store.involvedAt(intake.address()));
                store.insert(melding, gemeente, professional.subject(), utc(time.now()));
                events.publishEvent(new RecordStored(
                        melding.source(),
                        melding.id().toString(),
                        melding.address(),
                        melding.organisation(),
                        receivedOn,
                        receivedOn,
                        melding.severity(),
                        melding.childrenInvolved(),
                        intake.violenceTypes()));
                return logged(AccessKind.AANMAKEN, action, marked(melding));
            });
        } catch (DuplicateKeyException raced) {
            // Taken in by a parallel intake a moment ago: the unique zorgmelding_id refused this one.
            throw taken(action, String.valueOf(zorgmelding));
        }
    }

    /** A zorgmelding taken in before: logged as a refusal. */
    private ConflictException taken(String action, Object zorgmelding) {
        accessLog.record(AccessEntry.of(AccessKind.GEWEIGERD, action, "zorgmelding", zorgmelding.toString()));
        return new ConflictException("Deze zorgmelding is al ingenomen; zoek de melding in de werkvoorraad.");
    }

    /** The caller's region's advies or melding with this id, if any; the read is logged in its transaction. */
    Optional<MeldingResource> read(UUID id, NewMelding.Kind kind, String action) {
        String region = region();
        Optional<MeldingResource> found = transaction.execute(status -> store.find(id, region)
                .filter(melding -> melding.kind() == kind)
                .map(melding -> logged(AccessKind.LEZEN, action, melding)));
        if (found.isEmpty()) {
            accessLog.refusedIfExists(action, OBJECT_TYPE, id.toString());
        }
        return found;
    }

    /** The outcome of a veiligheidsbeoordeling. */
    record Beoordeling(boolean acuteOnveiligheid, boolean structureleOnveiligheid, StatusCode statusCode) {}

    /**
     * Records the veiligheidsbeoordeling (once) and has the address's colour recomputed (acute onveiligheid makes it
     * red); the police melder gets the status code.
     */
    MeldingResource assess(UUID id, IfMatch ifMatch, Beoordeling beoordeling, String action) {
        return change(id, ifMatch, action, AccessKind.WIJZIGEN, melding -> {
            Melding assessed = melding.assess(
                    beoordeling.acuteOnveiligheid(),
                    beoordeling.structureleOnveiligheid(),
                    beoordeling.statusCode(),
                    time.now());
            store.update(assessed);
            events.publishEvent(new RecordChanged(assessed.source(), id.toString(), assessed.address()));
            return marked(assessed);
        });
    }

    /** Starts the onderzoek, due ten weeks later. */
    MeldingResource startInvestigation(UUID id, IfMatch ifMatch, LocalDate start, String action) {
        return change(id, ifMatch, action, AccessKind.WIJZIGEN, melding -> {
            Melding started = melding.startInvestigation(start);
            store.update(started);
            return started;
        });
    }

    /**
     * Closes the onderzoek with an outcome per violence type, or early without outcomes; {@code checkOutcomes} checks
     * them against the melding's own violence types (and refuses the whole step when one is wrong).
     */
    MeldingResource closeInvestigation(
            UUID id,
            IfMatch ifMatch,
            Map<String, String> outcomes,
            boolean early,
            String action,
            Consumer<List<String>> checkOutcomes) {
        return change(id, ifMatch, action, AccessKind.WIJZIGEN, melding -> {
            checkOutcomes.accept(melding.violenceTypeCodes());
            Melding closed = melding.closeInvestigation(outcomes, early, time.now());
            store.update(closed);
            store.updateOutcomes(closed);
            return closed;
        });
    }

    /** A vervolgstap as asked for: a request to the Raad, voorwaarden en vervolg, an overdracht, a monitoring moment. */
    record Stap(
            String kind,
            LocalDate date,
            @Nullable String organisation,
            @Nullable String note) {}

    MeldingResource addStep(UUID id, IfMatch ifMatch, Stap stap, String action) {
        return change(id, ifMatch, action, AccessKind.AANMAKEN, melding -> {
            Melding.Stap step = new Melding.Stap(
                    UUID.randomUUID(),
                    stap.kind(),
                    stap.date(),
                    stap.organisation(),
                    stap.note(),
                    currentProfessional.require().subject(),
                    utc(time.now()));
            Melding with = melding.addStep(step);
            store.insertStep(id, step);
            return with;
        });
    }

    /**
     * Assigns (or reassigns) the professional who handles an open case: one of the region's professionals.
     *
     * @throws InvalidValueException when the region knows no such professional
     */
    MeldingResource assign(UUID id, IfMatch ifMatch, String subject, String action) {
        return change(id, ifMatch, action, AccessKind.WIJZIGEN, melding -> {
            MeldingStore.Professional professional = store.professional(subject, melding.region())
                    .orElseThrow(() -> new InvalidValueException("behandelaar", "validation.behandelaar.onbekend"));
            Melding assigned = melding.assign(
                    new Melding.Behandelaar(professional.subject(), professional.name(), utc(time.now())));
            store.assign(assigned);
            return assigned;
        });
    }

    /**
     * Offers the case to the lokaal team of the address's gemeente: it appears in that gemeente's inbox of
     * overdrachten, without the melder.
     */
    MeldingResource handOver(UUID id, IfMatch ifMatch, LocalDate date, @Nullable String note, String action) {
        return change(id, ifMatch, action, AccessKind.WIJZIGEN, melding -> {
            String gemeente = addresses
                    .gemeenteOf(melding.address())
                    .map(GemeenteCode::value)
                    .orElseThrow();
            Melding.Overdracht offer = new Melding.Overdracht(
                    UUID.randomUUID(),
                    gemeente,
                    date,
                    utc(time.now()),
                    currentProfessional.require().subject(),
                    note,
                    Melding.Overdracht.OFFERED,
                    null,
                    null,
                    null,
                    null);
            Melding offered = melding.handOver(offer);
            store.insertOverdracht(offered, offer);
            return offered;
        });
    }

    /**
     * Records a verzoek tot onderzoek to the Raad voor de Kinderbescherming; the college of the address's gemeente gets
     * a notice that a request was made, without any content.
     */
    MeldingResource requestRaad(UUID id, IfMatch ifMatch, LocalDate date, String grounds, String action) {
        return change(id, ifMatch, action, AccessKind.AANMAKEN, melding -> {
            Melding.Raadsverzoek verzoek = new Melding.Raadsverzoek(UUID.randomUUID(), date, grounds, utc(time.now()));
            Melding requested = melding.requestRaad(verzoek);
            String gemeente = addresses
                    .gemeenteOf(melding.address())
                    .map(GemeenteCode::value)
                    .orElseThrow();
            store.insertRaadsverzoek(
                    requested, verzoek, gemeente, currentProfessional.require().subject());
            return requested;
        });
    }

    /** Records how the people in the melding were informed, or a ground to postpone it with a review date. */
    MeldingResource inform(UUID id, IfMatch ifMatch, Melding.Informing informing, String action) {
        return change(id, ifMatch, action, AccessKind.WIJZIGEN, melding -> {
            Melding informed = melding.inform(informing);
            store.inform(informed);
            return informed;
        });
    }

    /**
     * Corrects one field of a melding with a reason (the earlier value stays in its correction history); the colour
     * of the address is recomputed, and when the correction changed what the tally counts, the tally follows.
     */
    MeldingResource correct(UUID id, IfMatch ifMatch, String field, String value, String reason, String action) {
        return change(id, ifMatch, action, AccessKind.WIJZIGEN, melding -> {
            Melding corrected = melding.correct(
                    field, value, reason, currentProfessional.require().subject(), time.now());
            List<Melding.Correctie> history = corrected.follow().correcties();
            store.correct(corrected, history.get(history.size() - 1));
            events.publishEvent(new RecordChanged(
                    corrected.source(), id.toString(), corrected.address(), melding.tallied(), corrected.tallied()));
            return marked(corrected);
        });
    }

    /** Plans a monitoring moment by hand (also after the involvement ended). */
    MeldingResource planMonitoring(UUID id, IfMatch ifMatch, LocalDate due, String action) {
        return change(id, ifMatch, action, AccessKind.AANMAKEN, melding -> {
            Melding.Moment moment = new Melding.Moment(UUID.randomUUID(), due, null, null, null, null, false);
            Melding planned = melding.planMonitoring(moment);
            store.insertMoment(planned, moment, currentProfessional.require().subject(), utc(time.now()));
            return planned;
        });
    }

    /**
     * Records a monitoring moment's outcome; an escalation may reopen the case (its einde goes, it is open on the
     * worklist again).
     */
    MeldingResource recordMonitoring(
            UUID id,
            IfMatch ifMatch,
            UUID moment,
            String outcome,
            @Nullable String note,
            boolean reopen,
            String action) {
        return change(id, ifMatch, action, AccessKind.WIJZIGEN, melding -> {
            Melding recorded = melding.recordMonitoring(
                    moment, outcome, note, reopen, currentProfessional.require().subject(), time.now());
            store.updateMoment(recorded.follow().monitoring().stream()
                    .filter(m -> m.id().equals(moment))
                    .findFirst()
                    .orElseThrow());
            if (melding.einde() != null && recorded.einde() == null) {
                store.update(recorded);
            }
            return recorded;
        });
    }

    /**
     * The lokaal team's answer to an overdracht, on the melding under its row lock, from the revision the caller read
     * ({@code ifMatch}): {@code step} decides on the melding at its next revision, the caller writes; logged as a change
     * of the melding by the gemeente-medewerker.
     */
    <T> T answer(
            MeldingStore.OfferedTo offer,
            IfMatch ifMatch,
            String action,
            java.util.function.Function<Melding, T> step) {
        try {
            return transaction.execute(status -> {
                Melding locked = store.lock(offer.melding(), offer.region()).orElseThrow();
                ifMatch.requireCurrent(locked.revision());
                // Counted first: a step the protocol refuses rolls the count back with everything else.
                Melding melding = revised(locked, locked);
                T result = step.apply(melding);
                // The monitor follows an overdracht up as an intervention until the lokaal team refuses it.
                events.publishEvent(new MonitoredRecordChanged(melding.address()));
                accessLog.record(AccessEntry.of(
                        AccessKind.WIJZIGEN, action, OBJECT_TYPE, melding.id().toString()));
                return result;
            });
        } catch (Handelingsprotocol.Refused refused) {
            accessLog.record(AccessEntry.of(
                    AccessKind.LEZEN, action, OBJECT_TYPE, offer.melding().toString()));
            throw new ConflictException(refused.getMessage());
        } catch (PreconditionFailedException stale) {
            accessLog.record(AccessEntry.of(
                    AccessKind.LEZEN, action, OBJECT_TYPE, offer.melding().toString()));
            throw stale;
        }
    }

    /** The professionals of the caller's region who may be assigned a case, for the melding page (logged with it). */
    List<MeldingStore.Professional> assignable() {
        return store.professionals(region());
    }

    /** The professionals of the caller's region who may be assigned a case; the look is logged. */
    List<MeldingStore.Professional> professionals(String action) {
        List<MeldingStore.Professional> professionals = store.professionals(region());
        accessLog.record(new AccessEntry(AccessKind.ZOEKEN, action, "vt-behandelaar", null, false));
        return professionals;
    }

    /** Ends Veilig Thuis's involvement, with the status code the police melder sees. */
    MeldingResource end(UUID id, IfMatch ifMatch, StatusCode code, String action) {
        return change(id, ifMatch, action, AccessKind.WIJZIGEN, melding -> {
            Melding ended = melding.end(code, time.now());
            store.update(ended);
            return ended;
        });
    }

    /**
     * One protocol step on the caller's region's melding, in one transaction under the melding's row lock (two steps at
     * once are taken in order): the step, its terugkoppeling to the police melder (an event, shown on the zorgmelding
     * after the commit), and the access-log entry. Not found: logged as a refusal when the melding exists in another
     * region. Refused by the protocol: nothing changes, and it is logged as a read (its state was read and shown).
     *
     * @throws NotFoundException when the region has no such melding
     * @throws ConflictException when the protocol does not allow the step here
     */
    private MeldingResource change(
            UUID id, IfMatch ifMatch, String action, AccessKind kind, UnaryOperator<Melding> step) {
        String region = region();
        try {
            return transaction.execute(status -> {
                Melding before = store.lock(id, region).orElseThrow(() -> {
                    accessLog.refusedIfExists(action, OBJECT_TYPE, id.toString());
                    return new NotFoundException(notFound());
                });
                ifMatch.requireCurrent(before.revision());
                Melding after = revised(before, step.apply(before));
                // A step of the protocol is no new record, but the monitor counts it (funnel, deadlines,
                // interventions).
                events.publishEvent(new MonitoredRecordChanged(after.address()));
                StatusCode feedback = after.feedbackAfter(before);
                if (feedback != null) {
                    events.publishEvent(new TerugkoppelingGegeven(after.zorgmelding(), feedback.code(), time.now()));
                }
                return logged(kind, action, after);
            });
        } catch (Handelingsprotocol.Refused refused) {
            accessLog.record(AccessEntry.of(AccessKind.LEZEN, action, OBJECT_TYPE, id.toString()));
            throw new ConflictException(refused.getMessage());
        } catch (PreconditionFailedException stale) {
            // Changed since the caller read it: nothing changes; its current revision was read and told.
            accessLog.record(AccessEntry.of(AccessKind.LEZEN, action, OBJECT_TYPE, id.toString()));
            throw stale;
        }
    }

    /**
     * Stores that {@code before} changed into {@code after}: the revision one up, guarded by the revision the change
     * was checked against, in the change's transaction.
     *
     * @throws PreconditionFailedException when the melding is no longer at that revision (nothing is changed)
     */
    private Melding revised(Melding before, Melding after) {
        if (!store.revise(before.id(), before.revision())) {
            throw new PreconditionFailedException(
                    "Deze melding is intussen gewijzigd. Lees haar opnieuw en probeer het" + " dan nog eens.");
        }
        return after.revised();
    }

    /** A melding's id from its text; an id that is no UUID names no melding. */
    static Optional<UUID> id(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    static String notFound() {
        return "Deze melding bestaat niet (of hoort bij een andere Veilig Thuis-regio).";
    }

    /** The melding with the address's colour as now recomputed: where escalations of the case start. */
    private Melding marked(Melding melding) {
        Melding marked = melding.marked(escalations.mark(melding.address()));
        store.mark(marked);
        return marked;
    }

    /**
     * The melding as the API shows it, with its last day of retention; its access is logged last, in the caller's
     * transaction, so the entry commits with what it records.
     */
    private MeldingResource logged(AccessKind kind, String action, Melding melding) {
        MeldingResource resource = MeldingResource.of(
                melding,
                retention.keptUntil(melding.source(), melding.id().toString()).orElse(null));
        accessLog.record(AccessEntry.of(kind, action, OBJECT_TYPE, resource.id()));
        return resource;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The phase a case is in, for people: ontvangen, beoordeeld, onderzoek, afgesloten. */
    static String phase(
            @Nullable String assessment,
            @Nullable LocalDate investigationStarted,
            @Nullable Object investigationClosed,
            @Nullable Object ended) {
        if (ended != null) {
            return "afgesloten";
        }
        if (investigationStarted != null && investigationClosed == null) {
            return "onderzoek";
        }
        return assessment == null ? "ontvangen" : "beoordeeld";
    }
}
