package nl.adreszicht.veiligthuis;

import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.adreszicht.audit.AccessEntry;
import nl.adreszicht.audit.AccessKind;
import nl.adreszicht.audit.AccessLog;
import nl.adreszicht.colour.ColourEscalations;
import nl.adreszicht.monitor.RepeatAddresses;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Professional;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The worklist of one VT region: its open adviezen and meldingen sorted into categories, and the police
 * zorgmeldingen not yet taken in. It reads only open cases of the caller's region (a partial index), whatever the
 * size of the archive. One access-log entry per look at the list.
 */
@Service
class Werkvoorraad {

    /** The categories of the worklist; a case can be in several. */
    enum Categorie {
        NIEUW("nieuw"),
        BEOORDELING_VANDAAG("beoordeling-vandaag"),
        BEOORDELING_TE_LAAT("beoordeling-te-laat"),
        ONDERZOEK_VERLOOPT("onderzoek-verloopt"),
        ONDERZOEK_TE_LAAT("onderzoek-te-laat"),
        KLEUR_ESCALATIE("kleur-escalatie"),
        RECIDIVE("recidive"),
        NIET_TOEGEWEZEN("niet-toegewezen"),
        MIJN_ZAKEN("mijn-zaken"),
        ZORGMELDING_IN_TE_NEMEN("zorgmelding-in-te-nemen"),
        OVERDRACHT_GEWEIGERD("overdracht-geweigerd"),
        MONITORING("monitoring"),
        MONITORING_TE_LAAT("monitoring-te-laat"),
        INFORMEREN("informeren"),
        INFORMEREN_TE_LAAT("informeren-te-laat");

        private final String code;

        Categorie(String code) {
            this.code = code;
        }

        String code() {
            return code;
        }

        static @Nullable Categorie of(String code) {
            for (Categorie c : values()) {
                if (c.code.equals(code)) {
                    return c;
                }
            }
            return null;
        }
    }

    /** Cases per page of the worklist, unless asked otherwise; at most {@link #LARGEST_PAGE}. */
    static final int DEFAULT_PAGE = 50;

    static final int LARGEST_PAGE = 100;

    /** A monitoring moment (or informing) due within this many working days shows as due. */
    static final int DUE_WITHIN_WORKING_DAYS = 2;

    /** An onderzoek whose deadline is this close shows as running out. */
    static final int INVESTIGATION_WARNING_DAYS = 14;

    /**
     * What the worklist reads of a case: its deadlines, who handles it, and what its follow-through waits for. The
     * category "recidive" says that this melding follows another at its address within 12 months. How often the
     * address repeats over every agency's records is a count beside it, from the monitor's recidive rules
     * ({@link RepeatAddresses}, one statement for all): it marks the address, it does not put a first melding there
     * in the category.
     */
    private static final String CASE_COLUMNS =
            "SELECT m.id, m.kind, m.registration_number, m.address_id, m.received_at, m.vervolgmelding,"
                    + " m.assessment_due, m.assessment_code, m.investigation_started_on, m.investigation_due,"
                    + " m.investigation_closed_at, m.colour_mark, m.behandelaar, m.ended_at, m.received_on,"
                    + " m.informed_on, m.informing_review_on,"
                    + " (SELECT p.display_name FROM vt_professional p WHERE p.subject = m.behandelaar)"
                    + "   AS behandelaar_name,"
                    + " (SELECT min(mo.due_on) FILTER (WHERE mo.outcome IS NULL) FROM vt_monitoring mo"
                    + "   WHERE mo.melding_id = m.id)"
                    + "   AS monitoring_due,"
                    + " (SELECT o.status FROM vt_overdracht o WHERE o.melding_id = m.id ORDER BY o.offered_at DESC"
                    + "   LIMIT 1) AS overdracht_status,"
                    + " EXISTS (SELECT 1 FROM vt_melding e WHERE e.address_id = m.address_id AND e.id <> m.id"
                    + "   AND e.received_at < m.received_at AND e.received_at >= m.received_at - interval '12 months')"
                    + "   AS recidive";

    /**
     * The open cases of a region (partial index vt_melding_open), each with its recidive check (vt_melding_address);
     * then the ended cases whose monitoring moment is due by the given day (partial index vt_monitoring_due).
     */
    static final String OPEN_CASES = CASE_COLUMNS + " FROM vt_melding m WHERE m.vt_region = ? AND m.ended_at IS NULL"
            + " UNION ALL " + CASE_COLUMNS + " FROM vt_melding m WHERE m.ended_at IS NOT NULL AND m.id IN"
            + " (SELECT mo.melding_id FROM vt_monitoring mo WHERE mo.vt_region = ? AND mo.outcome IS NULL"
            + " AND mo.due_on <= ?)";

    /**
     * Remembers the caller as one of the region's professionals (whom a supervisor may assign cases), in the worklist's
     * own statement: a data-modifying {@code WITH} runs once, whether or not the query reads it.
     */
    static final String SEEN = "WITH seen AS (INSERT INTO vt_professional (subject, display_name, vt_region,"
            + " organisation, seen_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (subject) DO UPDATE SET"
            + " display_name = EXCLUDED.display_name, vt_region = EXCLUDED.vt_region,"
            + " organisation = EXCLUDED.organisation, seen_at = EXCLUDED.seen_at) ";

    /** The zorgmeldingen a region has not yet taken in. */
    static final String INBOX =
            "SELECT zorgmelding_id, address_id, sent_at FROM vt_zorgmelding_inbox WHERE vt_region = ?"
                    + " ORDER BY sent_at";

    private final JdbcTemplate jdbc;
    private final Meldingen meldingen;
    private final ColourEscalations escalations;
    private final AccessLog accessLog;
    private final DutchTime time;
    private final CurrentProfessional currentProfessional;
    private final RepeatAddresses repeatAddresses;

    Werkvoorraad(
            JdbcTemplate jdbc,
            CurrentProfessional currentProfessional,
            Meldingen meldingen,
            ColourEscalations escalations,
            AccessLog accessLog,
            DutchTime time,
            RepeatAddresses repeatAddresses) {
        this.jdbc = jdbc;
        this.currentProfessional = currentProfessional;
        this.meldingen = meldingen;
        this.escalations = escalations;
        this.accessLog = accessLog;
        this.time = time;
        this.repeatAddresses = repeatAddresses;
    }

    /** Categories in the order of the enum, as the list always showed them. */
    private static List<String> sorted(List<String> codes) {
        return java.util.Arrays.stream(Categorie.values())
                .map(Categorie::code)
                .filter(codes::contains)
                .toList();
    }

    @Schema(name = "Werkvoorraadregel")
    record Item(
            String id,
            String soort,
            String registratienummer,
            String adresId,
            OffsetDateTime ontvangenOp,
            String fase,
            boolean vervolgmelding,
            @Nullable LocalDate uiterlijk,
            @Nullable String behandelaar,
            @Nullable String behandelaarNaam,

            @Schema(description = "Of de vrager de behandelaar is (mijn werkvoorraad staat vooraan)")
            boolean eigen,

            List<String> categorieen,

            @Schema(description = "Herhalingen op het adres in 12 maanden, over de registraties van alle organisaties")
            int herhalingen) {

        /** This item in one more category (the categories kept in the order of the enum) and with its repeats. */
        Item with(@Nullable Categorie categorie, int repeats) {
            List<String> with = new ArrayList<>(categorieen);
            if (categorie != null) {
                with.add(categorie.code());
            }
            return new Item(
                    id,
                    soort,
                    registratienummer,
                    adresId,
                    ontvangenOp,
                    fase,
                    vervolgmelding,
                    uiterlijk,
                    behandelaar,
                    behandelaarNaam,
                    eigen,
                    List.copyOf(sorted(with)),
                    repeats);
        }
    }

    @Schema(name = "InTeNemenZorgmelding")
    record Zorgmelding(String zorgmeldingId, String adresId, OffsetDateTime verzondenOp) {}

    @Schema(name = "Werkvoorraad")
    record Lijst(
            String regio,

            @Schema(description = "Aantallen per categorie over alle open zaken van de regio, niet alleen deze pagina")
            Map<String, Integer> aantallen,

            List<Item> items,
            List<Zorgmelding> zorgmeldingen,

            @Schema(description = "Cursor van de volgende pagina (parameter na); afwezig op de laatste") @Nullable
            String volgende) {}

    /** Every open case of the region in its categories, with the counts and the inbox: one read of the region. */
    record Categorised(
            String regio, Map<String, Integer> aantallen, List<Item> items, List<Zorgmelding> zorgmeldingen) {}

    /**
     * Where a page of the worklist starts: just after the row with this sort key and id (keyset paging, so a page
     * neither repeats nor skips a case when a melding arrives or leaves between two pages). The token is opaque to
     * the client: base64url of the sort, the key and the id; a token of the other sort order is refused.
     */
    record Cursor(
            boolean byReceipt, boolean eigen, @Nullable LocalDate uiterlijk, Instant ontvangen, UUID id) {

        private static final String SEPARATOR = "~";

        static Cursor after(Item item, boolean byReceipt) {
            return new Cursor(
                    byReceipt,
                    item.eigen(),
                    item.uiterlijk(),
                    item.ontvangenOp().toInstant(),
                    UUID.fromString(item.id()));
        }

        String token() {
            String key = String.join(
                    SEPARATOR,
                    byReceipt ? "o" : "u",
                    eigen ? "1" : "0",
                    uiterlijk == null ? "-" : uiterlijk.toString(),
                    ontvangen.toString(),
                    id.toString());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
        }

        /** The cursor in a token, or an invalid {@code na} when it is not one of ours or of the other sort order. */
        static Cursor parse(String token, boolean byReceipt) {
            InvalidValueException invalid = new InvalidValueException("na", "validation.werkvoorraad.na");
            try {
                String[] parts =
                        new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(SEPARATOR, -1);
                if (parts.length != 5
                        || !parts[0].equals(byReceipt ? "o" : "u")
                        || !(parts[1].equals("0") || parts[1].equals("1"))) {
                    throw invalid;
                }
                return new Cursor(
                        byReceipt,
                        parts[1].equals("1"),
                        parts[2].equals("-") ? null : LocalDate.parse(parts[2]),
                        Instant.parse(parts[3]),
                        UUID.fromString(parts[4]));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw invalid;
            }
        }

        /**
         * The order of the worklist: the caller's own cases first (mijn werkvoorraad), then the earliest deadline
         * (none last) and the oldest receipt, or the newest receipt first; the id makes every key unique.
         */
        static Comparator<Cursor> order(boolean byReceipt) {
            Comparator<Cursor> own = Comparator.comparing((Cursor c) -> !c.eigen());
            Comparator<Cursor> then = byReceipt
                    ? Comparator.comparing(Cursor::ontvangen).reversed()
                    : Comparator.comparing(Cursor::uiterlijk, Comparator.nullsLast(Comparator.naturalOrder()))
                            .thenComparing(Cursor::ontvangen);
            return own.thenComparing(then).thenComparing(Cursor::id);
        }
    }

    /**
     * One page of the filtered, sorted worklist: {@code categorie} and {@code soort} may be null (all), sorted by
     * deadline or receipt, the {@code size} cases after the cursor (from the start without one). The counts are over
     * every open case of the region.
     */
    Lijst list(
            @Nullable Categorie categorie,
            NewMelding.@Nullable Kind soort,
            boolean byReceipt,
            @Nullable Cursor after,
            int size,
            @Nullable String action) {
        Categorised all = categorised();
        Comparator<Cursor> order = Cursor.order(byReceipt);
        List<Item> matching = all.items().stream()
                .filter(i -> categorie == null || i.categorieen().contains(categorie.code()))
                .filter(i -> soort == null || i.soort().equals(soort.code()))
                .filter(i -> after == null || order.compare(Cursor.after(i, byReceipt), after) > 0)
                .sorted(Comparator.comparing((Item i) -> Cursor.after(i, byReceipt), order))
                .limit(size + 1L)
                .toList();
        String next = null;
        if (matching.size() > size) {
            matching = matching.subList(0, size);
            next = Cursor.after(matching.get(size - 1), byReceipt).token();
        }
        // How often an address repeats only marks the rows shown: asked for this page's addresses, not the region's.
        Map<AddressId, Integer> repeats = repeatAddresses.repeatsAt(matching.stream()
                .map(i -> new AddressId(UUID.fromString(i.adresId())))
                .distinct()
                .toList());
        List<Item> shown = matching.stream()
                .map(i -> {
                    int atAddress = repeats.getOrDefault(new AddressId(UUID.fromString(i.adresId())), 0);
                    return atAddress > 0 ? i.with(null, atAddress) : i;
                })
                .toList();
        List<Zorgmelding> zorgmeldingen =
                (categorie == null || categorie == Categorie.ZORGMELDING_IN_TE_NEMEN) && after == null
                        ? all.zorgmeldingen()
                        : List.of();
        // Without an action the caller takes only the counts and deadlines (the start page): no personal data leaves.
        if (action != null) {
            accessLog.record(new AccessEntry(AccessKind.ZOEKEN, action, "werkvoorraad", null, false));
        }
        return new Lijst(all.regio(), all.aantallen(), shown, zorgmeldingen, next);
    }

    /**
     * Every open case of the caller's region in its categories, with the counts per category. Most categories are
     * not a state of the melding but a comparison with today (a deadline passed, due today, due within two working
     * days, running out within 14 days), with the caller (mijn zaken) or with other records (recidive, a colour
     * escalation since the case's count): a counter kept at each change of a melding would be wrong the morning
     * after. So the counts come from one read of the region's open cases through the partial index, the same read
     * that sorts them (see docs/performance.md, "Worklist pages").
     */
    Categorised categorised() {
        String region = meldingen.region();
        Professional caller = currentProfessional.require();
        LocalDate today = time.today();
        // A deadline within two working days is due now: on the worklist (and in the reminder) before it passes.
        LocalDate soon = WorkingDays.plusWorkingDays(today, DUE_WITHIN_WORKING_DAYS);
        record Open(Item item, AddressId address, long mark) {}
        List<Open> open = jdbc.query(
                SEEN + OPEN_CASES,
                (r, n) -> {
                    LocalDate assessmentDue = r.getObject("assessment_due", LocalDate.class);
                    String assessment = r.getString("assessment_code");
                    LocalDate started = r.getObject("investigation_started_on", LocalDate.class);
                    Object closed = r.getObject("investigation_closed_at");
                    LocalDate investigationDue = r.getObject("investigation_due", LocalDate.class);
                    Set<Categorie> in = EnumSet.noneOf(Categorie.class);
                    LocalDate due = null;
                    if (assessment == null) {
                        in.add(Categorie.NIEUW);
                        due = assessmentDue;
                        if (assessmentDue != null && assessmentDue.isBefore(today)) {
                            in.add(Categorie.BEOORDELING_TE_LAAT);
                        } else if (today.equals(assessmentDue)) {
                            in.add(Categorie.BEOORDELING_VANDAAG);
                        }
                    } else if (started != null && closed == null) {
                        due = investigationDue;
                        if (investigationDue.isBefore(today)) {
                            in.add(Categorie.ONDERZOEK_TE_LAAT);
                        } else if (!investigationDue.isAfter(today.plusDays(INVESTIGATION_WARNING_DAYS))) {
                            in.add(Categorie.ONDERZOEK_VERLOOPT);
                        }
                    }
                    LocalDate monitoringDue = r.getObject("monitoring_due", LocalDate.class);
                    if (monitoringDue != null && !monitoringDue.isAfter(soon)) {
                        in.add(monitoringDue.isBefore(today) ? Categorie.MONITORING_TE_LAAT : Categorie.MONITORING);
                        due = due == null || monitoringDue.isBefore(due) ? monitoringDue : due;
                    }
                    LocalDate informDue = "melding".equals(r.getString("kind"))
                            ? new Melding.Informing(
                                            r.getObject("informed_on", LocalDate.class),
                                            null,
                                            null,
                                            null,
                                            r.getObject("informing_review_on", LocalDate.class))
                                    .due(r.getObject("received_on", LocalDate.class))
                            : null;
                    if (informDue != null && r.getObject("ended_at") == null && !informDue.isAfter(soon)) {
                        in.add(informDue.isBefore(today) ? Categorie.INFORMEREN_TE_LAAT : Categorie.INFORMEREN);
                        due = due == null || informDue.isBefore(due) ? informDue : due;
                    }
                    if (Melding.Overdracht.REFUSED.equals(r.getString("overdracht_status"))) {
                        in.add(Categorie.OVERDRACHT_GEWEIGERD);
                    }
                    if (r.getBoolean("recidive") || r.getBoolean("vervolgmelding")) {
                        in.add(Categorie.RECIDIVE);
                    }
                    String behandelaar = r.getString("behandelaar");
                    if (behandelaar == null) {
                        in.add(Categorie.NIET_TOEGEWEZEN);
                    } else if (behandelaar.equals(caller.subject())) {
                        in.add(Categorie.MIJN_ZAKEN);
                    }
                    UUID address = r.getObject("address_id", UUID.class);
                    Item item = new Item(
                            r.getObject("id", UUID.class).toString(),
                            r.getString("kind"),
                            r.getString("registration_number"),
                            address.toString(),
                            r.getObject("received_at", OffsetDateTime.class),
                            Meldingen.phase(assessment, started, closed, r.getObject("ended_at")),
                            r.getBoolean("vervolgmelding"),
                            due,
                            behandelaar,
                            r.getString("behandelaar_name"),
                            caller.subject().equals(behandelaar),
                            in.stream().map(Categorie::code).toList(),
                            0);
                    return new Open(item, new AddressId(address), r.getLong("colour_mark"));
                },
                caller.subject(),
                caller.displayName(),
                region,
                caller.organisation().orElse(null),
                OffsetDateTime.ofInstant(time.now(), ZoneOffset.UTC),
                region,
                region,
                soon);
        List<Item> items = new ArrayList<>();
        // An escalation after a case's own last count: the address rose while the case was open. One statement
        // for every open case of the region, not one per case.
        Set<ColourEscalations.Since> escalated = escalations.escalatedSince(open.stream()
                .map(o -> new ColourEscalations.Since(o.address(), o.mark()))
                .toList());
        for (Open o : open) {
            boolean escalation = escalated.contains(new ColourEscalations.Since(o.address(), o.mark()));
            items.add(escalation ? o.item().with(Categorie.KLEUR_ESCALATIE, 0) : o.item());
        }
        List<Zorgmelding> inbox = jdbc.query(
                INBOX,
                (r, n) -> new Zorgmelding(
                        r.getObject(1, UUID.class).toString(),
                        r.getObject(2, UUID.class).toString(),
                        r.getObject(3, OffsetDateTime.class)),
                region);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Categorie c : Categorie.values()) {
            counts.put(
                    c.code(),
                    c == Categorie.ZORGMELDING_IN_TE_NEMEN
                            ? inbox.size()
                            : (int) items.stream()
                                    .filter(i -> i.categorieen().contains(c.code()))
                                    .count());
        }
        return new Categorised(region, counts, List.copyOf(items), inbox);
    }
}
