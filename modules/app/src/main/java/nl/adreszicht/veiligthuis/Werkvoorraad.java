package nl.adreszicht.veiligthuis;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
        ZORGMELDING_IN_TE_NEMEN("zorgmelding-in-te-nemen");

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

    /** An onderzoek whose deadline is this close shows as running out. */
    static final int INVESTIGATION_WARNING_DAYS = 14;

    /**
     * The open cases of a region (partial index vt_melding_open), each with its recidive check (vt_melding_address):
     * the category "recidive" says that this melding follows another at its address within 12 months. How often the
     * address repeats over every agency's records is a count beside it, from the monitor's recidive rules
     * ({@link RepeatAddresses}, one statement for all): it marks the address, it does not put a first melding there
     * in the category.
     */
    static final String OPEN_CASES =
            "SELECT m.id, m.kind, m.registration_number, m.address_id, m.received_at, m.vervolgmelding,"
                    + " m.assessment_due, m.assessment_code, m.investigation_started_on, m.investigation_due,"
                    + " m.investigation_closed_at, m.colour_mark,"
                    + " EXISTS (SELECT 1 FROM vt_melding e WHERE e.address_id = m.address_id AND e.id <> m.id"
                    + "   AND e.received_at < m.received_at AND e.received_at >= m.received_at - interval '12 months')"
                    + "   AS recidive"
                    + " FROM vt_melding m WHERE m.vt_region = ? AND m.ended_at IS NULL";

    /** The zorgmeldingen a region has not yet taken in. */
    static final String INBOX =
            "SELECT zorgmelding_id, address_id, sent_at FROM vt_zorgmelding_inbox WHERE vt_region = ?"
                    + " ORDER BY sent_at";

    private final JdbcTemplate jdbc;
    private final Meldingen meldingen;
    private final ColourEscalations escalations;
    private final AccessLog accessLog;
    private final DutchTime time;
    private final RepeatAddresses repeatAddresses;

    Werkvoorraad(
            JdbcTemplate jdbc,
            Meldingen meldingen,
            ColourEscalations escalations,
            AccessLog accessLog,
            DutchTime time,
            RepeatAddresses repeatAddresses) {
        this.jdbc = jdbc;
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
            List<String> categorieen,

            @Schema(description = "Herhalingen op het adres in 12 maanden, over de registraties van alle organisaties")
            int herhalingen) {}

    @Schema(name = "InTeNemenZorgmelding")
    record Zorgmelding(String zorgmeldingId, String adresId, OffsetDateTime verzondenOp) {}

    @Schema(name = "Werkvoorraad")
    record Lijst(String regio, Map<String, Integer> aantallen, List<Item> items, List<Zorgmelding> zorgmeldingen) {}

    /** A filtered, sorted worklist: {@code categorie} and {@code soort} may be null (all), sort by deadline or receipt. */
    Lijst list(
            @Nullable Categorie categorie,
            NewMelding.@Nullable Kind soort,
            boolean byReceipt,
            @Nullable String action) {
        String region = meldingen.region();
        LocalDate today = time.today();
        record Open(Item item, AddressId address, long mark) {}
        List<Open> open = jdbc.query(
                OPEN_CASES,
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
                    if (r.getBoolean("recidive") || r.getBoolean("vervolgmelding")) {
                        in.add(Categorie.RECIDIVE);
                    }
                    UUID address = r.getObject("address_id", UUID.class);
                    Item item = new Item(
                            r.getObject("id", UUID.class).toString(),
                            r.getString("kind"),
                            r.getString("registration_number"),
                            address.toString(),
                            r.getObject("received_at", OffsetDateTime.class),
                            Meldingen.phase(assessment, started, closed, null),
                            r.getBoolean("vervolgmelding"),
                            due,
                            in.stream().map(Categorie::code).toList(),
                            0);
                    return new Open(item, new AddressId(address), r.getLong("colour_mark"));
                },
                region);
        List<Item> items = new ArrayList<>();
        // An escalation after a case's own last count: the address rose while the case was open. One statement
        // for every open case of the region, not one per case.
        Set<ColourEscalations.Since> escalated = escalations.escalatedSince(open.stream()
                .map(o -> new ColourEscalations.Since(o.address(), o.mark()))
                .toList());
        Map<AddressId, Integer> repeats = repeatAddresses.repeatsAt(
                open.stream().map(Open::address).distinct().toList());
        for (Open o : open) {
            Item item = o.item();
            int atAddress = repeats.getOrDefault(o.address(), 0);
            boolean escalation = escalated.contains(new ColourEscalations.Since(o.address(), o.mark()));
            if (escalation || atAddress > 0) {
                List<String> with = new ArrayList<>(item.categorieen());
                if (escalation) {
                    with.add(Categorie.KLEUR_ESCALATIE.code());
                }
                item = new Item(
                        item.id(),
                        item.soort(),
                        item.registratienummer(),
                        item.adresId(),
                        item.ontvangenOp(),
                        item.fase(),
                        item.vervolgmelding(),
                        item.uiterlijk(),
                        List.copyOf(sorted(with)),
                        atAddress);
            }
            items.add(item);
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
        List<Item> shown = items.stream()
                .filter(i -> categorie == null || i.categorieen().contains(categorie.code()))
                .filter(i -> soort == null || i.soort().equals(soort.code()))
                .sorted(
                        byReceipt
                                ? Comparator.comparing(Item::ontvangenOp).reversed()
                                : Comparator.comparing(Item::uiterlijk, Comparator.nullsLast(Comparator.naturalOrder()))
                                        .thenComparing(Item::ontvangenOp))
                .toList();
        List<Zorgmelding> zorgmeldingen =
                categorie == null || categorie == Categorie.ZORGMELDING_IN_TE_NEMEN ? inbox : List.of();
        // Without an action the caller takes only the counts and deadlines (the start page): no personal data leaves.
        if (action != null) {
            accessLog.record(new AccessEntry(AccessKind.ZOEKEN, action, "werkvoorraad", null, false));
        }
        return new Lijst(region, counts, shown, zorgmeldingen);
    }
}
