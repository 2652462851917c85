package nl.adreszicht.veiligthuis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.AddressReads;
import nl.adreszicht.records.Severity;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The adviezen and meldingen of Veilig Thuis, stored and read as whole {@link Melding}s: the melding in one statement,
 * its violence types, betrokkenen and vervolgstappen in one each, whatever their number. A lookup names the VT region:
 * scope is in the query. A protocol step locks the melding's row, so two steps at once are taken in order.
 */
@Repository
class MeldingStore {

    private static final String MELDING = "SELECT id, kind, registration_number, vt_region, organisation, address_id,"
            + " zorgmelding_id, received_at, melder_sector, melder_name, melder_contact, reason, acute, severity,"
            + " children_involved, vervolgmelding, assessment_due, assessed_at, acute_onveiligheid,"
            + " structurele_onveiligheid, assessment_code, investigation_started_on, investigation_due,"
            + " investigation_closed_at, investigation_closed_early, ended_at, end_code, colour_mark, behandelaar,"
            + " behandelaar_since, informed_on, informed_how, informed_note, informing_postponed_ground,"
            + " informing_review_on, revision,"
            + " (SELECT p.display_name FROM vt_professional p WHERE p.subject = behandelaar) AS behandelaar_name"
            + " FROM vt_melding WHERE id = ? AND vt_region = ?";

    private final JdbcClient jdbc;

    MeldingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next registration number of a region and year, e.g. {@code VT03-2026-000042}. */
    String nextNumber(String region, int year) {
        long serial = jdbc.sql("SELECT nextval('vt_melding_number')")
                .query(Long.class)
                .single();
        return "%s-%d-%06d".formatted(region, year, serial);
    }

    /** Whether Veilig Thuis is still involved at the address with a melding (a new one is then a vervolgmelding). */
    boolean involvedAt(AddressId address) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM vt_melding WHERE address_id = ? AND kind = 'melding'"
                        + " AND ended_at IS NULL)")
                .param(address.value())
                .query(Boolean.class)
                .single();
    }

    /** Whether a zorgmelding was taken in before. */
    boolean taken(UUID zorgmelding) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM vt_melding WHERE zorgmelding_id = ?)")
                .param(zorgmelding)
                .query(Boolean.class)
                .single();
    }

    /**
     * Stores a new melding with its violence types and betrokkenen, as registered by {@code registeredBy}, and takes
     * its zorgmelding (if any) out of the region's inbox.
     */
    void insert(Melding melding, String gemeente, String registeredBy, OffsetDateTime registeredAt) {
        // What the colour and the monitor read of the meldingen at the address changes (VtAtAddress).
        AddressReads.forget(melding.address());
        jdbc.sql("INSERT INTO vt_melding (id, kind, registration_number, vt_region, gemeente_code, address_id,"
                        + " zorgmelding_id, received_at, received_on, melder_sector, melder_name, melder_contact,"
                        + " reason, acute, severity, children_involved, vervolgmelding, assessment_due,"
                        + " registered_by, registered_at, organisation)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        melding.id(),
                        melding.kind().code(),
                        melding.registrationNumber(),
                        melding.region(),
                        gemeente,
                        melding.address().value(),
                        melding.zorgmelding(),
                        melding.receivedAt(),
                        melding.receivedOn(),
                        melding.melder().sector(),
                        melding.melder().name(),
                        melding.melder().contact(),
                        melding.reason(),
                        melding.acute(),
                        melding.severity().name(),
                        melding.childrenInvolved(),
                        melding.vervolgmelding(),
                        melding.beoordeling() == null
                                ? null
                                : melding.beoordeling().due(),
                        registeredBy,
                        registeredAt,
                        melding.organisation())
                .update();
        if (!melding.violenceTypes().isEmpty()) {
            jdbc.sql("INSERT INTO vt_melding_violence_type (melding_id, code) SELECT ?, unnest(?::text[])")
                    .params(melding.id(), melding.violenceTypeCodes().toArray(String[]::new))
                    .update();
        }
        List<Melding.Person> persons = melding.persons();
        if (!persons.isEmpty()) {
            jdbc.sql("INSERT INTO vt_melding_person (melding_id, position, role, relation, name, birth_date, bsn)"
                            + " SELECT ?, p.position - 1, p.role, p.relation, p.name, p.birth_date::date, p.bsn"
                            + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
                            + " WITH ORDINALITY AS p (role, relation, name, birth_date, bsn, position)")
                    .params(
                            melding.id(),
                            column(persons, Melding.Person::role),
                            column(persons, Melding.Person::relation),
                            column(persons, Melding.Person::name),
                            column(
                                    persons,
                                    person -> person.birthDate() == null
                                            ? null
                                            : person.birthDate().toString()),
                            column(persons, Melding.Person::bsn))
                    .update();
        }
        if (melding.zorgmelding() != null) {
            jdbc.sql("DELETE FROM vt_zorgmelding_inbox WHERE zorgmelding_id = ?")
                    .param(melding.zorgmelding())
                    .update();
        }
    }

    /** The region's melding with this id, if any. */
    Optional<Melding> find(UUID id, String region) {
        return read(MELDING, id, region);
    }

    /** The same, its row locked until the transaction ends: for a protocol step. */
    Optional<Melding> lock(UUID id, String region) {
        return read(MELDING + " FOR UPDATE", id, region);
    }

    /**
     * Counts a change of the melding: its revision goes one up, only from the revision the change was decided on. The
     * step's row lock already keeps a second change out until this one commits; the guard makes the revision the
     * change was checked against part of the write itself.
     *
     * @return whether the melding was still at {@code revision} (and now is at the next)
     */
    boolean revise(UUID id, long revision) {
        return jdbc.sql("UPDATE vt_melding SET revision = revision + 1 WHERE id = ? AND revision = ?")
                        .params(id, revision)
                        .update()
                == 1;
    }

    /** Writes where a melding stands now: its beoordeling, onderzoek, einde, mark and the onderzoek's outcomes. */
    void update(Melding melding) {
        // What the colour and the monitor read of the meldingen at the address changes (VtAtAddress).
        AddressReads.forget(melding.address());
        Melding.Beoordeling beoordeling = melding.beoordeling();
        Melding.Onderzoek onderzoek = melding.onderzoek();
        Melding.Einde einde = melding.einde();
        jdbc.sql("UPDATE vt_melding SET assessed_at = ?, acute_onveiligheid = ?, structurele_onveiligheid = ?,"
                        + " assessment_code = ?, investigation_started_on = ?, investigation_due = ?,"
                        + " investigation_closed_at = ?, investigation_closed_early = ?, ended_at = ?, end_code = ?,"
                        + " colour_mark = ? WHERE id = ?")
                .params(
                        beoordeling == null ? null : beoordeling.assessedAt(),
                        beoordeling == null ? null : beoordeling.acuteOnveiligheid(),
                        beoordeling == null ? null : beoordeling.structureleOnveiligheid(),
                        beoordeling == null || beoordeling.outcome() == null
                                ? null
                                : beoordeling.outcome().code(),
                        onderzoek == null ? null : onderzoek.started(),
                        onderzoek == null ? null : onderzoek.due(),
                        onderzoek == null ? null : onderzoek.closedAt(),
                        onderzoek == null ? null : onderzoek.closedEarly(),
                        einde == null ? null : einde.at(),
                        einde == null ? null : einde.code().code(),
                        melding.colourMark(),
                        melding.id())
                .update();
    }

    private static final String OVERDRACHTEN = "SELECT id, gemeente_code, offered_on, offered_at, offered_by, note,"
            + " status, decided_at, decided_by, decided_organisation, refusal_reason FROM vt_overdracht";

    private static Melding.Overdracht overdracht(ResultSet row, int n) throws SQLException {
        return new Melding.Overdracht(
                row.getObject("id", UUID.class),
                row.getString("gemeente_code"),
                row.getObject("offered_on", LocalDate.class),
                row.getObject("offered_at", OffsetDateTime.class),
                row.getString("offered_by"),
                row.getString("note"),
                row.getString("status"),
                row.getObject("decided_at", OffsetDateTime.class),
                row.getString("decided_by"),
                row.getString("decided_organisation"),
                row.getString("refusal_reason"));
    }

    /** Stores a new offer to the lokaal team. */
    void insertOverdracht(Melding melding, Melding.Overdracht offer) {
        jdbc.sql("INSERT INTO vt_overdracht (id, melding_id, vt_region, gemeente_code, offered_on, offered_at,"
                        + " offered_by, note, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        offer.id(),
                        melding.id(),
                        melding.region(),
                        offer.gemeente(),
                        offer.offeredOn(),
                        offer.offeredAt(),
                        offer.offeredBy(),
                        offer.note(),
                        offer.status())
                .update();
    }

    /** Writes the lokaal team's answer. */
    void updateOverdracht(Melding.Overdracht offer) {
        jdbc.sql("UPDATE vt_overdracht SET status = ?, decided_at = ?, decided_by = ?, decided_organisation = ?,"
                        + " refusal_reason = ? WHERE id = ?")
                .params(
                        offer.status(),
                        offer.decidedAt(),
                        offer.decidedBy(),
                        offer.decidedOrganisation(),
                        offer.refusalReason(),
                        offer.id())
                .update();
    }

    /** Where an offer belongs: its melding, the melding's region and the gemeente it was offered to. */
    record OfferedTo(UUID overdracht, UUID melding, String region, String gemeente) {}

    Optional<OfferedTo> offeredTo(UUID overdracht) {
        return jdbc.sql("SELECT id, melding_id, vt_region, gemeente_code FROM vt_overdracht WHERE id = ?")
                .param(overdracht)
                .query((row, n) -> new OfferedTo(
                        row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3), row.getString(4)))
                .optional();
    }

    /** A line of a gemeente's inbox of overdrachten: no melder, no content, only what and when. */
    record InboxLine(
            UUID overdracht,
            String registrationNumber,
            OffsetDateTime offeredAt,
            String status,
            @Nullable OffsetDateTime decidedAt) {}

    /** A gemeente's overdrachten, open ones first, then the latest answered (at most {@code limit}). */
    List<InboxLine> inbox(String gemeente, int limit) {
        return jdbc.sql("SELECT o.id, m.registration_number, o.offered_at, o.status, o.decided_at FROM vt_overdracht o"
                        + " JOIN vt_melding m ON m.id = o.melding_id WHERE o.gemeente_code = ?"
                        + " ORDER BY (o.status = 'aangeboden') DESC, o.offered_at DESC LIMIT ?")
                .params(gemeente, limit)
                .query((row, n) -> new InboxLine(
                        row.getObject(1, UUID.class),
                        row.getString(2),
                        row.getObject(3, OffsetDateTime.class),
                        row.getString(4),
                        row.getObject(5, OffsetDateTime.class)))
                .list();
    }

    /** Stores a planned monitoring moment. */
    void insertMoment(Melding melding, Melding.Moment moment, String plannedBy, OffsetDateTime plannedAt) {
        jdbc.sql("INSERT INTO vt_monitoring (id, melding_id, vt_region, due_on, planned_by, planned_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(moment.id(), melding.id(), melding.region(), moment.due(), plannedBy, plannedAt)
                .update();
    }

    /** Writes a monitoring moment's outcome. */
    void updateMoment(Melding.Moment moment) {
        jdbc.sql("UPDATE vt_monitoring SET outcome = ?, note = ?, recorded_at = ?, recorded_by = ?, reopened = ?"
                        + " WHERE id = ?")
                .params(
                        moment.outcome(),
                        moment.note(),
                        moment.recordedAt(),
                        moment.recordedBy(),
                        moment.reopened(),
                        moment.id())
                .update();
    }

    /** Stores a verzoek tot onderzoek to the Raad, and the content-free notice to the college of the gemeente. */
    void insertRaadsverzoek(Melding melding, Melding.Raadsverzoek verzoek, String gemeente, String recordedBy) {
        jdbc.sql("INSERT INTO vt_raadsverzoek (id, melding_id, requested_on, grounds, recorded_by, recorded_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        verzoek.id(),
                        melding.id(),
                        verzoek.requestedOn(),
                        verzoek.grounds(),
                        recordedBy,
                        verzoek.recordedAt())
                .update();
        jdbc.sql("INSERT INTO vt_college_notice (id, gemeente_code, kind, sent_on) VALUES (?, ?, ?, ?)")
                .params(UUID.randomUUID(), gemeente, "verzoek-raad-kinderbescherming", verzoek.requestedOn())
                .update();
    }

    /** A notice to the college: what kind and which day, nothing else. */
    record CollegeNotice(String kind, LocalDate sentOn) {}

    /** The notices to a gemeente's college, newest first. */
    List<CollegeNotice> collegeNotices(String gemeente, int limit) {
        return jdbc.sql("SELECT kind, sent_on FROM vt_college_notice WHERE gemeente_code = ? ORDER BY sent_on DESC"
                        + " LIMIT ?")
                .params(gemeente, limit)
                .query((row, n) -> new CollegeNotice(row.getString(1), row.getObject(2, LocalDate.class)))
                .list();
    }

    /** Writes how the people were informed, or why it is postponed. */
    void inform(Melding melding) {
        Melding.Informing informing = melding.follow().informing();
        jdbc.sql("UPDATE vt_melding SET informed_on = ?, informed_how = ?, informed_note = ?,"
                        + " informing_postponed_ground = ?, informing_review_on = ? WHERE id = ?")
                .params(
                        informing.informedOn(),
                        informing.how(),
                        informing.note(),
                        informing.postponedGround(),
                        informing.reviewOn(),
                        melding.id())
                .update();
    }

    /** Writes a corrected melding's fields (severity, children, reason, its betrokkenen) and the correction. */
    void correct(Melding melding, Melding.Correctie correctie) {
        // What the colour and the monitor read of the meldingen at the address changes (VtAtAddress).
        AddressReads.forget(melding.address());
        jdbc.sql("UPDATE vt_melding SET severity = ?, children_involved = ?, reason = ? WHERE id = ?")
                .params(melding.severity().name(), melding.childrenInvolved(), melding.reason(), melding.id())
                .update();
        List<Melding.Person> persons = melding.persons();
        for (int position = 0; position < persons.size(); position++) {
            if (correctie.field().startsWith("betrokkenen[" + position + "]")) {
                jdbc.sql("UPDATE vt_melding_person SET name = ?, birth_date = ? WHERE melding_id = ? AND position = ?")
                        .params(
                                persons.get(position).name(),
                                persons.get(position).birthDate(),
                                melding.id(),
                                position)
                        .update();
            }
        }
        jdbc.sql("INSERT INTO vt_correctie (id, melding_id, field, old_value, new_value, reason, corrected_by,"
                        + " corrected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        correctie.id(),
                        melding.id(),
                        correctie.field(),
                        correctie.oldValue(),
                        correctie.newValue(),
                        correctie.reason(),
                        correctie.correctedBy(),
                        correctie.correctedAt())
                .update();
    }

    /** Writes who handles the melding. */
    void assign(Melding melding) {
        Melding.Behandelaar behandelaar = melding.follow().behandelaar();
        jdbc.sql("UPDATE vt_melding SET behandelaar = ?, behandelaar_since = ? WHERE id = ?")
                .params(
                        behandelaar == null ? null : behandelaar.subject(),
                        behandelaar == null ? null : behandelaar.since(),
                        melding.id())
                .update();
    }

    /** A professional of the region who may handle cases: known once they opened the worklist. */
    record Professional(String subject, String name) {}

    /** The region's professionals, by name. */
    List<Professional> professionals(String region) {
        return jdbc.sql("SELECT subject, display_name FROM vt_professional WHERE vt_region = ? ORDER BY display_name")
                .param(region)
                .query((row, n) -> new Professional(row.getString(1), row.getString(2)))
                .list();
    }

    /** The region's professional with this subject, if known. */
    Optional<Professional> professional(String subject, String region) {
        return jdbc.sql("SELECT subject, display_name FROM vt_professional WHERE subject = ? AND vt_region = ?")
                .params(subject, region)
                .query((row, n) -> new Professional(row.getString(1), row.getString(2)))
                .optional();
    }

    /** Writes the address's colour as counted with the melding (where its escalations start). */
    void mark(Melding melding) {
        jdbc.sql("UPDATE vt_melding SET colour_mark = ? WHERE id = ?")
                .params(melding.colourMark(), melding.id())
                .update();
    }

    /** Writes the onderzoek's outcome per violence type. */
    void updateOutcomes(Melding melding) {
        jdbc.sql("UPDATE vt_melding_violence_type t SET outcome = o.outcome FROM unnest(?::text[], ?::text[])"
                        + " AS o (code, outcome) WHERE t.melding_id = ? AND t.code = o.code")
                .params(
                        melding.violenceTypes().stream()
                                .map(Melding.Geweldsvorm::code)
                                .toArray(String[]::new),
                        melding.violenceTypes().stream()
                                .map(Melding.Geweldsvorm::outcome)
                                .toArray(String[]::new),
                        melding.id())
                .update();
    }

    void insertStep(UUID melding, Melding.Stap step) {
        jdbc.sql("INSERT INTO vt_vervolgstap (id, melding_id, kind, planned_on, organisation, note, recorded_by,"
                        + " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        step.id(),
                        melding,
                        step.kind(),
                        step.date(),
                        step.organisation(),
                        step.note(),
                        step.recordedBy(),
                        step.recordedAt())
                .update();
    }

    private Optional<Melding> read(String sql, UUID id, String region) {
        Optional<Melding> found =
                jdbc.sql(sql).params(id, region).query(MeldingStore::melding).optional();
        return found.map(melding -> withParts(melding, id));
    }

    /** The melding's violence types, betrokkenen and vervolgstappen, one statement each. */
    private Melding withParts(Melding melding, UUID id) {
        List<Melding.Geweldsvorm> types = jdbc.sql(
                        "SELECT code, outcome FROM vt_melding_violence_type WHERE melding_id = ? ORDER BY code")
                .param(id)
                .query((row, n) -> new Melding.Geweldsvorm(row.getString(1), row.getString(2)))
                .list();
        List<Melding.Person> persons = jdbc.sql("SELECT role, relation, name, birth_date, bsn FROM vt_melding_person"
                        + " WHERE melding_id = ? ORDER BY position")
                .param(id)
                .query((row, n) -> new Melding.Person(
                        row.getString(1),
                        row.getString(2),
                        row.getString(3),
                        row.getObject(4, LocalDate.class),
                        row.getString(5)))
                .list();
        List<Melding.Stap> steps = jdbc.sql("SELECT id, kind, planned_on, organisation, note, recorded_by, recorded_at"
                        + " FROM vt_vervolgstap WHERE melding_id = ?")
                .param(id)
                .query((row, n) -> new Melding.Stap(
                        row.getObject(1, UUID.class),
                        row.getString(2),
                        row.getObject(3, LocalDate.class),
                        row.getString(4),
                        row.getString(5),
                        row.getString(6),
                        row.getObject(7, OffsetDateTime.class)))
                .list();
        List<Melding.Overdracht> overdrachten = jdbc.sql(OVERDRACHTEN + " WHERE melding_id = ?")
                .param(id)
                .query(MeldingStore::overdracht)
                .list();
        List<Melding.Moment> moments = jdbc.sql("SELECT id, due_on, outcome, note, recorded_at, recorded_by, reopened"
                        + " FROM vt_monitoring WHERE melding_id = ?")
                .param(id)
                .query((row, n) -> new Melding.Moment(
                        row.getObject(1, UUID.class),
                        row.getObject(2, LocalDate.class),
                        row.getString(3),
                        row.getString(4),
                        row.getObject(5, OffsetDateTime.class),
                        row.getString(6),
                        row.getBoolean(7)))
                .list();
        return melding.withParts(types, persons, steps)
                .withFollow(new Melding.Follow(
                        melding.follow().behandelaar(),
                        overdrachten,
                        moments,
                        jdbc.sql(
                                        "SELECT id, requested_on, grounds, recorded_at FROM vt_raadsverzoek WHERE melding_id = ?"
                                                + " ORDER BY recorded_at")
                                .param(id)
                                .query((row, n) -> new Melding.Raadsverzoek(
                                        row.getObject(1, UUID.class),
                                        row.getObject(2, LocalDate.class),
                                        row.getString(3),
                                        row.getObject(4, OffsetDateTime.class)))
                                .list(),
                        melding.follow().informing(),
                        jdbc.sql("SELECT id, field, old_value, new_value, reason, corrected_by, corrected_at"
                                        + " FROM vt_correctie WHERE melding_id = ? ORDER BY corrected_at")
                                .param(id)
                                .query((row, n) -> new Melding.Correctie(
                                        row.getObject(1, UUID.class),
                                        row.getString(2),
                                        row.getString(3),
                                        row.getString(4),
                                        row.getString(5),
                                        row.getString(6),
                                        row.getObject(7, OffsetDateTime.class)))
                                .list()));
    }

    private static Melding melding(ResultSet row, int n) throws SQLException {
        LocalDate due = row.getObject("assessment_due", LocalDate.class);
        LocalDate started = row.getObject("investigation_started_on", LocalDate.class);
        OffsetDateTime ended = row.getObject("ended_at", OffsetDateTime.class);
        return new Melding(
                row.getObject("id", UUID.class),
                "advies".equals(row.getString("kind")) ? NewMelding.Kind.ADVIES : NewMelding.Kind.MELDING,
                row.getString("registration_number"),
                row.getString("vt_region"),
                row.getString("organisation"),
                new AddressId(row.getObject("address_id", UUID.class)),
                row.getObject("zorgmelding_id", UUID.class),
                row.getObject("received_at", OffsetDateTime.class),
                new Melding.Melder(
                        row.getString("melder_sector"), row.getString("melder_name"), row.getString("melder_contact")),
                row.getString("reason"),
                row.getBoolean("acute"),
                Severity.valueOf(row.getString("severity")),
                row.getBoolean("children_involved"),
                row.getBoolean("vervolgmelding"),
                List.of(),
                List.of(),
                due == null
                        ? null
                        : new Melding.Beoordeling(
                                due,
                                row.getObject("assessed_at", OffsetDateTime.class),
                                (Boolean) row.getObject("acute_onveiligheid"),
                                (Boolean) row.getObject("structurele_onveiligheid"),
                                statusCode(row.getString("assessment_code"))),
                started == null
                        ? null
                        : new Melding.Onderzoek(
                                started,
                                row.getObject("investigation_due", LocalDate.class),
                                row.getObject("investigation_closed_at", OffsetDateTime.class),
                                (Boolean) row.getObject("investigation_closed_early")),
                List.of(),
                ended == null ? null : new Melding.Einde(ended, statusCode(row.getString("end_code"))),
                row.getLong("colour_mark"),
                new Melding.Follow(
                        behandelaar(row),
                        List.of(),
                        List.of(),
                        List.of(),
                        new Melding.Informing(
                                row.getObject("informed_on", LocalDate.class),
                                row.getString("informed_how"),
                                row.getString("informed_note"),
                                row.getString("informing_postponed_ground"),
                                row.getObject("informing_review_on", LocalDate.class)),
                        List.of()),
                row.getLong("revision"));
    }

    private static Melding.@Nullable Behandelaar behandelaar(ResultSet row) throws SQLException {
        String subject = row.getString("behandelaar");
        return subject == null
                ? null
                : new Melding.Behandelaar(
                        subject,
                        row.getString("behandelaar_name"),
                        row.getObject("behandelaar_since", OffsetDateTime.class));
    }

    private static @Nullable StatusCode statusCode(@Nullable String code) {
        return code == null ? null : StatusCode.of(code).orElseThrow();
    }

    private static String[] column(List<Melding.Person> persons, Function<Melding.Person, @Nullable String> value) {
        return persons.stream().map(value).toArray(String[]::new);
    }
}
