package nl.adreszicht.veiligthuis;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.adreszicht.addresses.GemeenteCode;
import nl.adreszicht.addresses.KnownAddresses;
import nl.adreszicht.areascan.RecordTally;
import nl.adreszicht.audit.AccessEntry;
import nl.adreszicht.audit.AccessKind;
import nl.adreszicht.audit.AccessLog;
import nl.adreszicht.codelists.VtRegions;
import nl.adreszicht.colour.ColourEscalations;
import nl.adreszicht.incidents.ZorgmeldingIntake;
import nl.adreszicht.monitor.MonitoredRecordChanged;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.records.RecordedAtAddress;
import nl.adreszicht.retention.RetentionSchedule;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Professional;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * Veilig Thuis's adviezen and meldingen through the Handelingsprotocol, within the professional's VT region: the
 * region comes from the token and is part of every lookup, so another region's melding is not found; intake at an
 * address outside the region is refused. Every read and write, and every refusal, is in the access log.
 */
@Service
class Meldingen {

    static final String OBJECT_TYPE = "vt-melding";

    private final JdbcTemplate jdbc;
    private final AccessLog accessLog;
    private final CurrentProfessional currentProfessional;
    private final KnownAddresses addresses;
    private final VtRegions regions;
    private final ZorgmeldingIntake zorgmeldingen;
    private final ColourEscalations escalations;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final DutchTime time;
    private final RetentionSchedule retention;
    private final RecordTally tally;

    Meldingen(
            JdbcTemplate jdbc,
            AccessLog accessLog,
            CurrentProfessional currentProfessional,
            KnownAddresses addresses,
            VtRegions regions,
            ZorgmeldingIntake zorgmeldingen,
            ColourEscalations escalations,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            DutchTime time,
            RetentionSchedule retention,
            RecordTally tally) {
        this.jdbc = jdbc;
        this.accessLog = accessLog;
        this.currentProfessional = currentProfessional;
        this.addresses = addresses;
        this.regions = regions;
        this.zorgmeldingen = zorgmeldingen;
        this.escalations = escalations;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.time = time;
        this.retention = retention;
        this.tally = tally;
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
     * @throws ResponseStatusException 409 when the zorgmelding was taken in before
     */
    MeldingResource intake(NewMelding melding, String action) {
        Professional professional = currentProfessional.require();
        String gemeente =
                addresses.gemeenteOf(melding.address()).map(GemeenteCode::value).orElseThrow();
        String region = professional.vtRegion().orElse("");
        if (!regions.covers(region, gemeente)) {
            accessLog.record(AccessEntry.of(
                    AccessKind.GEWEIGERD, action, "adres", melding.address().toString()));
            throw new AccessDeniedException("Dit adres ligt buiten uw Veilig Thuis-regio.");
        }
        UUID id = UUID.randomUUID();
        UUID zorgmelding = melding.zorgmelding();
        if (zorgmelding != null && taken(zorgmelding)) {
            accessLog.record(AccessEntry.of(AccessKind.GEWEIGERD, action, "zorgmelding", zorgmelding.toString()));
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT, "Deze zorgmelding is al ingenomen; zoek de melding in de werkvoorraad.");
        }
        Instant now = time.now();
        LocalDate receivedOn = DutchTime.dayOf(melding.receivedAt());
        transaction.executeWithoutResult(status -> {
            boolean vervolgmelding = melding.kind() == NewMelding.Kind.MELDING
                    && Boolean.TRUE.equals(jdbc.queryForObject(
                            "SELECT EXISTS (SELECT 1 FROM vt_melding WHERE address_id = ? AND kind = 'melding'"
                                    + " AND ended_at IS NULL)",
                            Boolean.class,
                            melding.address().value()));
            Long serial = jdbc.queryForObject("SELECT nextval('vt_melding_number')", Long.class);
            String number = "%s-%d-%06d".formatted(region, receivedOn.getYear(), serial);
            jdbc.update(
                    "INSERT INTO vt_melding (id, kind, registration_number, vt_region, gemeente_code, address_id,"
                            + " zorgmelding_id, received_at, received_on, melder_sector, melder_name, melder_contact,"
                            + " reason, acute, severity, children_involved, vervolgmelding, assessment_due,"
                            + " registered_by, registered_at, organisation)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id,
                    melding.kind().code(),
                    number,
                    region,
                    gemeente,
                    melding.address().value(),
                    zorgmelding,
                    utc(melding.receivedAt()),
                    receivedOn,
                    melding.melderSector(),
                    melding.melderName(),
                    melding.melderContact(),
                    melding.reason(),
                    melding.acute(),
                    melding.severity().name(),
                    melding.childrenInvolved(),
                    vervolgmelding,
                    melding.kind() == NewMelding.Kind.MELDING
                            ? WorkingDays.assessmentDue(receivedOn, melding.acute())
                            : null,
                    professional.subject(),
                    utc(now),
                    professional.organisation().orElse(null));
            for (String code : melding.violenceTypes()) {
                jdbc.update("INSERT INTO vt_melding_violence_type (melding_id, code) VALUES (?, ?)", id, code);
            }
            List<NewMelding.Person> persons = melding.persons();
            for (int i = 0; i < persons.size(); i++) {
                NewMelding.Person person = persons.get(i);
                jdbc.update(
                        "INSERT INTO vt_melding_person (melding_id, position, role, relation, name, birth_date, bsn)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                        id,
                        i,
                        person.role(),
                        person.relation(),
                        person.name(),
                        person.birthDate(),
                        person.bsn() == null ? null : person.bsn().value());
            }
            if (zorgmelding != null) {
                jdbc.update("DELETE FROM vt_zorgmelding_inbox WHERE zorgmelding_id = ?", zorgmelding);
            }
            // Counted for the area scan in the same transaction, so the melding is counted exactly when it exists.
            tally.count(
                    melding.kind() == NewMelding.Kind.MELDING ? RecordSource.VT_MELDING : RecordSource.VT_ADVIES,
                    melding.address(),
                    receivedOn,
                    melding.severity(),
                    melding.childrenInvolved(),
                    melding.violenceTypes());
            // Its last day of retention, per contribution: kept at least until the youngest known child is adult.
            retention.schedule(
                    melding.kind() == NewMelding.Kind.MELDING ? RecordSource.VT_MELDING : RecordSource.VT_ADVIES,
                    id.toString(),
                    professional.organisation().orElse(region),
                    receivedOn,
                    persons.stream()
                            .filter(person -> "kind".equals(person.role()))
                            .map(NewMelding.Person::birthDate)
                            .filter(java.util.Objects::nonNull)
                            .toList());
            // A new record of this organisation: signal matching tells the others at the address.
            events.publishEvent(professional
                    .organisation()
                    .map(organisation -> RecordedAtAddress.recordedBy(melding.address(), organisation))
                    .orElseGet(() -> new RecordedAtAddress(melding.address())));
            mark(id, melding.address());
        });
        accessLog.record(AccessEntry.of(AccessKind.AANMAKEN, action, OBJECT_TYPE, id.toString()));
        return resource(id);
    }

    /** The caller's region's advies or melding with this id, if any; the read is logged. */
    Optional<MeldingResource> read(UUID id, NewMelding.Kind kind, String action) {
        String region = region();
        boolean found = Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM vt_melding WHERE id = ? AND kind = ? AND vt_region = ?)",
                Boolean.class,
                id,
                kind.code(),
                region));
        if (!found) {
            accessLog.refusedIfExists(action, OBJECT_TYPE, id.toString());
            return Optional.empty();
        }
        accessLog.record(AccessEntry.of(AccessKind.LEZEN, action, OBJECT_TYPE, id.toString()));
        return Optional.of(resource(id));
    }

    /** The outcome of a veiligheidsbeoordeling. */
    record Beoordeling(boolean acuteOnveiligheid, boolean structureleOnveiligheid, StatusCode statusCode) {}

    /** Records the veiligheidsbeoordeling (once), gives the police melder its status code, and recomputes colour. */
    MeldingResource assess(UUID id, Beoordeling beoordeling, String action) {
        return change(id, action, AccessKind.WIJZIGEN, Handelingsprotocol::assess, (stand, row) -> {
            Instant now = time.now();
            jdbc.update(
                    "UPDATE vt_melding SET assessed_at = ?, acute_onveiligheid = ?, structurele_onveiligheid = ?,"
                            + " assessment_code = ? WHERE id = ?",
                    utc(now),
                    beoordeling.acuteOnveiligheid(),
                    beoordeling.structureleOnveiligheid(),
                    beoordeling.statusCode().code(),
                    id);
            if (!beoordeling.statusCode().vtContinues()) {
                // Not ontvankelijk, handed over, no follow-up or the wrong recipient: Veilig Thuis's part ends here.
                jdbc.update(
                        "UPDATE vt_melding SET ended_at = ?, end_code = ? WHERE id = ?",
                        utc(now),
                        beoordeling.statusCode().code(),
                        id);
            }
            feedback(row, beoordeling.statusCode(), now);
            counted(id, row.address());
        });
    }

    /** Starts the onderzoek, due ten weeks later. */
    MeldingResource startInvestigation(UUID id, LocalDate start, String action) {
        return change(
                id,
                action,
                AccessKind.WIJZIGEN,
                Handelingsprotocol::startInvestigation,
                (stand, row) -> jdbc.update(
                        "UPDATE vt_melding SET investigation_started_on = ?, investigation_due = ? WHERE id = ?",
                        start,
                        WorkingDays.investigationDue(start),
                        id));
    }

    /** Closes the onderzoek with an outcome per violence type, or early without outcomes. */
    MeldingResource closeInvestigation(
            UUID id,
            Map<String, String> outcomes,
            boolean early,
            String action,
            java.util.function.Consumer<List<String>> checkOutcomes) {
        return change(id, action, AccessKind.WIJZIGEN, Handelingsprotocol::closeInvestigation, (stand, row) -> {
            // Against the melding's own violence types; a wrong one rolls the whole step back.
            checkOutcomes.accept(violenceTypes(id));
            jdbc.update(
                    "UPDATE vt_melding SET investigation_closed_at = ?, investigation_closed_early = ? WHERE id = ?",
                    utc(time.now()),
                    early,
                    id);
            outcomes.forEach((code, outcome) -> jdbc.update(
                    "UPDATE vt_melding_violence_type SET outcome = ? WHERE melding_id = ? AND code = ?",
                    outcome,
                    id,
                    code));
        });
    }

    private List<String> violenceTypes(UUID id) {
        return jdbc.queryForList(
                "SELECT code FROM vt_melding_violence_type WHERE melding_id = ? ORDER BY code", String.class, id);
    }

    /** A vervolgstap: a request to the Raad, voorwaarden en vervolg, an overdracht, a monitoring moment. */
    record Stap(
            String kind,
            LocalDate date,
            @Nullable String organisation,
            @Nullable String note) {}

    MeldingResource addStep(UUID id, Stap stap, String action) {
        return change(
                id,
                action,
                AccessKind.AANMAKEN,
                Handelingsprotocol::addStep,
                (stand, row) -> jdbc.update(
                        "INSERT INTO vt_vervolgstap (id, melding_id, kind, planned_on, organisation, note, recorded_by,"
                                + " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        UUID.randomUUID(),
                        id,
                        stap.kind(),
                        stap.date(),
                        stap.organisation(),
                        stap.note(),
                        currentProfessional.require().subject(),
                        utc(time.now())));
    }

    /** Ends Veilig Thuis's involvement, with the status code the police melder sees. */
    MeldingResource end(UUID id, StatusCode code, String action) {
        return change(id, action, AccessKind.WIJZIGEN, Handelingsprotocol::end, (stand, row) -> {
            Instant now = time.now();
            jdbc.update("UPDATE vt_melding SET ended_at = ?, end_code = ? WHERE id = ?", utc(now), code.code(), id);
            feedback(row, code, now);
        });
    }

    /** What a change reads of the melding before it applies. */
    record Row(AddressId address, @Nullable UUID zorgmelding) {}

    @FunctionalInterface
    interface Step {
        void apply(Handelingsprotocol.Stand stand, Row row);
    }

    @FunctionalInterface
    interface Rule {
        void check(Handelingsprotocol.Stand stand);
    }

    /**
     * One protocol step on the caller's region's melding, under a row lock so two steps at once are taken in order.
     * Not found: 404, logged as a refusal when the melding exists in another region. Refused by the protocol: 409, logged as a read (its state was read and shown).
     */
    private MeldingResource change(UUID id, String action, AccessKind kind, Rule rule, Step step) {
        String region = region();
        Optional<String> refusal = transaction.execute(status -> {
            List<Object[]> rows = jdbc.query(
                    "SELECT kind, address_id, zorgmelding_id, assessment_code, investigation_started_on IS NOT NULL,"
                            + " investigation_closed_at IS NOT NULL, ended_at IS NOT NULL FROM vt_melding"
                            + " WHERE id = ? AND vt_region = ? FOR UPDATE",
                    (r, n) -> new Object[] {
                        new Handelingsprotocol.Stand(
                                "advies".equals(r.getString(1)) ? NewMelding.Kind.ADVIES : NewMelding.Kind.MELDING,
                                r.getString(4) == null
                                        ? null
                                        : StatusCode.of(r.getString(4)).orElseThrow(),
                                r.getBoolean(5),
                                r.getBoolean(6),
                                r.getBoolean(7)),
                        new Row(new AddressId(r.getObject(2, UUID.class)), r.getObject(3, UUID.class))
                    },
                    id,
                    region);
            if (rows.isEmpty()) {
                accessLog.refusedIfExists(action, OBJECT_TYPE, id.toString());
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, notFound());
            }
            Handelingsprotocol.Stand stand = (Handelingsprotocol.Stand) rows.get(0)[0];
            try {
                rule.check(stand);
            } catch (Handelingsprotocol.Refused refused) {
                return Optional.of(refused.getMessage());
            }
            Row row = (Row) rows.get(0)[1];
            step.apply(stand, row);
            // A step of the protocol is no new record, but the monitor counts it (funnel, deadlines, interventions).
            events.publishEvent(new MonitoredRecordChanged(row.address()));
            return Optional.<String>empty();
        });
        if (refusal != null && refusal.isPresent()) {
            accessLog.record(AccessEntry.of(AccessKind.LEZEN, action, OBJECT_TYPE, id.toString()));
            throw new ResponseStatusException(HttpStatus.CONFLICT, refusal.get());
        }
        accessLog.record(AccessEntry.of(kind, action, OBJECT_TYPE, id.toString()));
        return resource(id);
    }

    static String notFound() {
        return "Deze melding bestaat niet (of hoort bij een andere Veilig Thuis-regio).";
    }

    private void feedback(Row row, StatusCode code, Instant at) {
        if (row.zorgmelding() != null) {
            zorgmeldingen.giveFeedback(row.zorgmelding(), code.code(), at);
        }
    }

    /** Recomputes the address's colour with this record, then marks where escalations of the case start. */
    private void counted(UUID id, AddressId address) {
        events.publishEvent(new RecordedAtAddress(address));
        mark(id, address);
    }

    /** Marks where escalations of the case start: the address's colour as now recomputed. */
    private void mark(UUID id, AddressId address) {
        jdbc.update("UPDATE vt_melding SET colour_mark = ? WHERE id = ?", escalations.mark(address), id);
    }

    private boolean taken(UUID zorgmelding) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM vt_melding WHERE zorgmelding_id = ?)", Boolean.class, zorgmelding));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private MeldingResource resource(UUID id) {
        List<MeldingResource.Geweldsvorm> types = jdbc.query(
                "SELECT code, outcome FROM vt_melding_violence_type WHERE melding_id = ? ORDER BY code",
                (r, n) -> new MeldingResource.Geweldsvorm(r.getString(1), r.getString(2)),
                id);
        List<MeldingResource.Betrokkene> persons = jdbc.query(
                "SELECT role, relation, name, birth_date, bsn FROM vt_melding_person WHERE melding_id = ?"
                        + " ORDER BY position",
                (r, n) -> new MeldingResource.Betrokkene(
                        r.getString(1),
                        r.getString(2),
                        r.getString(3),
                        r.getObject(4, LocalDate.class),
                        r.getString(5) == null
                                ? null
                                : "******" + r.getString(5).substring(6)),
                id);
        List<MeldingResource.Vervolgstap> steps = jdbc.query(
                "SELECT id, kind, planned_on, organisation, note FROM vt_vervolgstap WHERE melding_id = ?"
                        + " ORDER BY planned_on, recorded_at",
                (r, n) -> new MeldingResource.Vervolgstap(
                        r.getObject(1, UUID.class).toString(),
                        r.getString(2),
                        r.getObject(3, LocalDate.class),
                        r.getString(4),
                        r.getString(5)),
                id);
        return jdbc.queryForObject(
                "SELECT * FROM vt_melding WHERE id = ?",
                (r, n) -> {
                    LocalDate due = r.getObject("assessment_due", LocalDate.class);
                    LocalDate started = r.getObject("investigation_started_on", LocalDate.class);
                    OffsetDateTime ended = r.getObject("ended_at", OffsetDateTime.class);
                    UUID zorgmelding = r.getObject("zorgmelding_id", UUID.class);
                    return new MeldingResource(
                            id.toString(),
                            r.getString("kind"),
                            r.getString("registration_number"),
                            r.getObject("address_id", UUID.class).toString(),
                            zorgmelding == null ? null : zorgmelding.toString(),
                            r.getObject("received_at", OffsetDateTime.class),
                            new MeldingResource.Melder(
                                    r.getString("melder_sector"),
                                    r.getString("melder_name"),
                                    r.getString("melder_contact")),
                            r.getString("reason"),
                            r.getBoolean("acute"),
                            r.getBoolean("vervolgmelding"),
                            phase(
                                    r.getString("assessment_code"),
                                    started,
                                    r.getObject("investigation_closed_at"),
                                    ended),
                            types,
                            persons,
                            due == null
                                    ? null
                                    : new MeldingResource.Beoordeling(
                                            due,
                                            r.getObject("assessed_at", OffsetDateTime.class),
                                            (Boolean) r.getObject("acute_onveiligheid"),
                                            (Boolean) r.getObject("structurele_onveiligheid"),
                                            r.getString("assessment_code")),
                            started == null
                                    ? null
                                    : new MeldingResource.Onderzoek(
                                            started,
                                            r.getObject("investigation_due", LocalDate.class),
                                            r.getObject("investigation_closed_at", OffsetDateTime.class),
                                            (Boolean) r.getObject("investigation_closed_early")),
                            steps,
                            ended == null ? null : new MeldingResource.Einde(ended, r.getString("end_code")));
                },
                id);
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
