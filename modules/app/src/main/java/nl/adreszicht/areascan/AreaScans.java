package nl.adreszicht.areascan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import nl.adreszicht.areascan.DisclosureControl.Buurt;
import nl.adreszicht.areascan.ScanComposer.Counts;
import nl.adreszicht.areascan.ScanComposer.ScanData;
import nl.adreszicht.codelists.ViolenceTypeCodes;
import nl.adreszicht.operations.ReadOnlyDatabase;
import nl.adreszicht.records.InvalidRequestException;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Professional;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The area scan of the caller's own gemeente: reads the true counts (tallies, the register's addresses per buurt,
 * the current colours) with per-gemeente queries on indexes, and hands them to {@link ScanComposer}, so the only
 * thing that leaves this service is the protected {@link Gebiedsscan}. The gemeente comes from the token; asking for
 * another is refused. Aggregates after disclosure control are not personal data, so a scan is not an access-log
 * entry (docs/privacy/disclosure-control.md).
 */
@Service
class AreaScans {

    /**
     * The gemeente and the gemeenten it succeeded in a re-division, and per tally row the buurt it lies in under the
     * latest division (AreaSuccession, rule CurrentDivision): older years count on across a merger.
     */
    private static final String CURRENT_DIVISION = "WITH scope AS (SELECT ?::char(6) AS code),"
            + " codes AS (SELECT code FROM scope UNION SELECT s.old_code::char(6) FROM area_code_successor s, scope"
            + " WHERE s.current_code = scope.code AND s.old_code LIKE 'GM%')";

    private static final String BUURT_NOW = " LEFT JOIN LATERAL (SELECT s.current_code FROM area_code_successor s"
            + " WHERE s.old_code = t.buurt_code AND s.valid_until >= t.area_year ORDER BY s.valid_until LIMIT 1) m"
            + " ON true";

    static final String RECORDS = CURRENT_DIVISION
            + " SELECT coalesce(m.current_code, t.buurt_code, '') AS buurt, t.source, t.children_present,"
            + " sum(t.records) FROM record_tally t" + BUURT_NOW
            + " WHERE t.gemeente_code IN (SELECT code FROM codes) AND t.month >= ? AND t.month < ?"
            + " GROUP BY 1, 2, 3";
    static final String VIOLENCE = CURRENT_DIVISION
            + " SELECT coalesce(m.current_code, t.buurt_code, '') AS buurt, t.violence_type, sum(t.records)"
            + " FROM record_tally_violence_type t" + BUURT_NOW
            + " WHERE t.gemeente_code IN (SELECT code FROM codes) AND t.month >= ? AND t.month < ?"
            + " GROUP BY 1, 2";
    /**
     * The same for whole calendar years, from the rows kept per buurt and year (RecordTally): a year of a gemeente is a
     * handful of rows per buurt, not twelve months of every severity. Equal to the monthly sums (changelog
     * areascan/009, YearlyAndNationalTallyTest), so disclosure control sees the same numbers.
     */
    static final String RECORDS_BY_YEAR = CURRENT_DIVISION
            + " SELECT coalesce(m.current_code, t.buurt_code, '') AS buurt, t.source, t.children_present,"
            + " sum(t.records) FROM record_tally_year t" + BUURT_NOW
            + " WHERE t.gemeente_code IN (SELECT code FROM codes) AND t.tally_year >= ? AND t.tally_year < ?"
            + " GROUP BY 1, 2, 3";

    static final String VIOLENCE_BY_YEAR = CURRENT_DIVISION
            + " SELECT coalesce(m.current_code, t.buurt_code, '') AS buurt, t.violence_type, sum(t.records)"
            + " FROM record_tally_violence_type_year t" + BUURT_NOW
            + " WHERE t.gemeente_code IN (SELECT code FROM codes) AND t.tally_year >= ? AND t.tally_year < ?"
            + " GROUP BY 1, 2";
    /** Addresses per buurt, kept as addresses are imported (GemeenteCounts); '' for an address without one. */
    static final String ADDRESSES = "SELECT nullif(wijk_code, ''), nullif(buurt_code, ''), addresses"
            + " FROM buurt_address_count WHERE gemeente_code = ? AND addresses > 0";
    /** Addresses per buurt and colour band, kept as colours change (GemeenteCounts). */
    static final String COLOURS = "SELECT buurt_code, colour, addresses FROM buurt_colour_count"
            + " WHERE gemeente_code = ? AND colour <> 'GREY' AND addresses > 0";

    /** All gemeenten per month, 16 stripes per cell rather than ~340 gemeenten (changelog areascan/009). */
    static final String NATIONAL_RECORDS = "SELECT source, children_present, sum(records) FROM national_tally"
            + " WHERE month >= ? AND month < ? GROUP BY source, children_present";

    static final String NATIONAL_VIOLENCE = "SELECT violence_type, sum(records) FROM national_violence_tally"
            + " WHERE month >= ? AND month < ? GROUP BY violence_type";
    static final String NATIONAL_COLOURS =
            "SELECT colour, sum(addresses) FROM gemeente_colour_count WHERE colour <> 'GREY' GROUP BY colour";

    /** The level and code of the national scan. */
    static final String LAND = "land";

    static final String LAND_CODE = "NL";

    private static final Pattern GEMEENTE = Pattern.compile("GM[0-9]{4}");
    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    private final JdbcTemplate jdbc;
    private final CurrentProfessional currentProfessional;
    private final ViolenceTypeCodes violenceTypes;
    private final DutchTime time;

    private final ReadOnlyDatabase reads;

    /** The scans read the tallies from the read-only replicas when one is configured ({@link ReadOnlyDatabase}). */
    AreaScans(
            ReadOnlyDatabase reads,
            CurrentProfessional currentProfessional,
            ViolenceTypeCodes violenceTypes,
            DutchTime time) {
        this.reads = reads;
        this.jdbc = reads.jdbc();
        this.currentProfessional = currentProfessional;
        this.violenceTypes = violenceTypes;
        this.time = time;
    }

    /** What a scan is asked for; every part optional. */
    record Request(
            @Nullable String gemeente,
            @Nullable String periode,
            @Nullable LocalDate van,
            @Nullable LocalDate tot,
            @Nullable String niveau) {}

    /** The caller's gemeente, refusing any other. */
    String gemeente(@Nullable String requested) {
        Professional professional = currentProfessional.require();
        String own = professional
                .gemeente()
                .orElseThrow(() -> new AccessDeniedException("Uw account hoort bij geen gemeente."));
        if (requested != null && !requested.isBlank()) {
            if (!GEMEENTE.matcher(requested).matches()) {
                throw new InvalidRequestException("gemeente is een CBS-gemeentecode: GM en vier cijfers.");
            }
            if (!requested.equals(own)) {
                throw new AccessDeniedException("Alleen de gebiedsscan van de eigen gemeente.");
            }
        }
        return own;
    }

    @Transactional(readOnly = true)
    Gebiedsscan scan(Request request) {
        return reads.read(() -> scanInOneSnapshot(request));
    }

    private Gebiedsscan scanInOneSnapshot(Request request) {
        String gemeente = gemeente(request.gemeente());
        String level = request.niveau() == null ? "buurt" : request.niveau();
        if (level.equals(LAND)) {
            return national(request);
        }
        if (!List.of("buurt", "wijk", "gemeente").contains(level)) {
            throw new InvalidRequestException("niveau is buurt, wijk, gemeente of land.");
        }
        LocalDate today = time.today();
        ScanPeriod period = ScanPeriod.of(request.periode(), request.van(), request.tot(), today);
        ScanPeriod previous = period.previous();
        List<String> types = violenceTypes.options(today, DUTCH).stream()
                .map(ViolenceTypeCodes.Option::code)
                .toList();
        TreeMap<String, List<Buurt>> wijken = new TreeMap<>();
        long[] withoutArea = {0};
        jdbc.query(
                ADDRESSES,
                row -> {
                    String wijk = row.getString(1);
                    String buurt = row.getString(2);
                    long count = row.getLong(3);
                    if (wijk == null || buurt == null) {
                        withoutArea[0] += count;
                    } else {
                        wijken.computeIfAbsent(wijk, w -> new ArrayList<>()).add(new Buurt(buurt, count));
                    }
                },
                gemeente);
        Map<String, long[]> colours = new HashMap<>();
        jdbc.query(
                COLOURS,
                row -> {
                    colours.computeIfAbsent(row.getString(1), b -> new long[4])[band(row.getString(2))] +=
                            row.getLong(3);
                },
                gemeente);
        ScanData data = new ScanData(
                gemeente, wijken, withoutArea[0], counts(gemeente, period), counts(gemeente, previous), colours, types);
        return ScanComposer.compose(data).scan(gemeente, level, period.periode(), previous.periode());
    }

    /**
     * The whole country as one area: the reference beside the own gemeente. Summed from the counts kept as records arrive
     * (the national stripes national_tally and national_violence_tally; per gemeente gemeente_colour_count and
     * gemeente_address_count), so it reads a few thousand rows, never the ten million addresses; protected by the same rules as any scan. Only
     * the national totals are published, never another gemeente's figures.
     */
    private Gebiedsscan national(Request request) {
        LocalDate today = time.today();
        ScanPeriod period = ScanPeriod.of(request.periode(), request.van(), request.tot(), today);
        ScanPeriod previous = period.previous();
        List<String> types = violenceTypes.options(today, DUTCH).stream()
                .map(ViolenceTypeCodes.Option::code)
                .toList();
        Long addresses =
                jdbc.queryForObject("SELECT coalesce(sum(addresses), 0) FROM gemeente_address_count", Long.class);
        TreeMap<String, List<Buurt>> wijken = new TreeMap<>();
        wijken.put(LAND_CODE, List.of(new Buurt(LAND_CODE, addresses == null ? 0 : addresses)));
        long[] bands = new long[4];
        jdbc.query(NATIONAL_COLOURS, row -> {
            bands[band(row.getString(1))] += row.getLong(2);
        });
        ScanData data = new ScanData(
                LAND_CODE,
                wijken,
                0,
                nationalCounts(period),
                nationalCounts(previous),
                Map.of(LAND_CODE, bands),
                types);
        Gebiedsscan scan = ScanComposer.compose(data).scan(LAND_CODE, "gemeente", period.periode(), previous.periode());
        return new Gebiedsscan(
                LAND_CODE,
                LAND,
                scan.periode(),
                scan.vorigePeriode(),
                scan.regels(),
                scan.gebieden().stream().map(area -> area.atLevel(LAND)).toList());
    }

    private Counts nationalCounts(ScanPeriod period) {
        long[] counts = new long[5];
        jdbc.query(
                NATIONAL_RECORDS,
                row -> {
                    long n = row.getLong(3);
                    counts[group(RecordSource.valueOf(row.getString(1)))] += n;
                    counts[row.getBoolean(2) ? ScanComposer.MET_KINDEREN : ScanComposer.ZONDER_KINDEREN] += n;
                },
                period.from(),
                period.until());
        Map<String, Long> violence = new HashMap<>();
        jdbc.query(
                NATIONAL_VIOLENCE,
                row -> {
                    violence.merge(row.getString(1), row.getLong(2), Long::sum);
                },
                period.from(),
                period.until());
        return new Counts(Map.of(LAND_CODE, counts), Map.of(LAND_CODE, violence));
    }

    private static int band(String colour) {
        return switch (colour) {
            case "GREEN" -> ScanComposer.GROEN;
            case "YELLOW" -> ScanComposer.GEEL;
            case "ORANGE" -> ScanComposer.ORANJE;
            default -> ScanComposer.ROOD;
        };
    }

    /** The counts per buurt of a period: from the yearly rows when it is whole calendar years, else the months. */
    private Counts counts(String gemeente, ScanPeriod period) {
        boolean years = period.wholeYears();
        Object from = years ? period.from().getYear() : period.from();
        Object until = years ? period.until().getYear() : period.until();
        Map<String, long[]> records = new HashMap<>();
        jdbc.query(
                years ? RECORDS_BY_YEAR : RECORDS,
                row -> {
                    long[] counts = records.computeIfAbsent(row.getString(1), b -> new long[5]);
                    long n = row.getLong(4);
                    counts[group(RecordSource.valueOf(row.getString(2)))] += n;
                    counts[row.getBoolean(3) ? ScanComposer.MET_KINDEREN : ScanComposer.ZONDER_KINDEREN] += n;
                },
                gemeente,
                from,
                until);
        Map<String, Map<String, Long>> violence = new HashMap<>();
        jdbc.query(
                years ? VIOLENCE_BY_YEAR : VIOLENCE,
                row -> {
                    violence.computeIfAbsent(row.getString(1), b -> new HashMap<>())
                            .merge(row.getString(2), row.getLong(3), Long::sum);
                },
                gemeente,
                from,
                until);
        return new Counts(records, violence);
    }

    /** Which column of the scan a source's records count in. */
    private static int group(RecordSource source) {
        return switch (source) {
            case POLITIE_INCIDENT -> ScanComposer.INCIDENTEN;
            case VT_MELDING, VT_ADVIES -> ScanComposer.MELDINGEN;
            case GEMEENTE_SIGNAAL, HUISVERBOD -> ScanComposer.GEMEENTE;
            // A case of the casusoverleg is never tallied (its own counts pass DisclosureControl in that module).
            case CASUSOVERLEG -> throw new IllegalStateException("A case of the casusoverleg is never tallied");
        };
    }
}
