package nl.adreszicht.monitor;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import nl.adreszicht.areascan.AddressCounts;
import nl.adreszicht.areascan.DisclosureControl;
import nl.adreszicht.areascan.ProtectedCount;
import nl.adreszicht.codelists.Organisations;
import nl.adreszicht.codelists.ViolenceTypeCodes;
import nl.adreszicht.codelists.VtRegions;
import nl.adreszicht.monitor.MonitorComposer.Family;
import nl.adreszicht.monitor.MonitorComposer.Level;
import nl.adreszicht.monitor.MonitorComposer.Protected;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Professional;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * The monitor of the caller's own gemeente: reads the kept counts ({@link MonitorReads}), protects them block by
 * block ({@link MonitorComposer}) and returns only the protected {@link Monitor}. The gemeente comes from the token;
 * asking for another is refused. Aggregates after disclosure control are not personal data, so a monitor is not an
 * access-log entry (as a gebiedsscan).
 */
@Service
class Monitors {

    /** A comparison level is shown only when it holds at least this many participating gemeenten besides the narrower one. */
    static final int MINIMUM_OTHER_GEMEENTEN = 3;

    /** The longest range asked at once. */
    static final int LONGEST_YEARS = 10;

    static final String ALL_NAME = "Alle deelnemende gemeenten";

    private static final Pattern GEMEENTE = Pattern.compile("GM[0-9]{4}");
    private static final Locale DUTCH = Locale.forLanguageTag("nl");
    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final MonitorReads reads;
    private final AddressCounts addressCounts;
    private final MonitorRegions regions;
    private final VtRegions vtRegions;
    private final Organisations organisations;
    private final ViolenceTypeCodes violenceTypes;
    private final RecidiveRulesVersions versions;
    private final MonitorProperties properties;
    private final CurrentProfessional currentProfessional;
    private final DutchTime time;

    Monitors(
            MonitorReads reads,
            AddressCounts addressCounts,
            MonitorRegions regions,
            VtRegions vtRegions,
            Organisations organisations,
            ViolenceTypeCodes violenceTypes,
            RecidiveRulesVersions versions,
            MonitorProperties properties,
            CurrentProfessional currentProfessional,
            DutchTime time) {
        this.reads = reads;
        this.addressCounts = addressCounts;
        this.regions = regions;
        this.vtRegions = vtRegions;
        this.organisations = organisations;
        this.violenceTypes = violenceTypes;
        this.versions = versions;
        this.properties = properties;
        this.currentProfessional = currentProfessional;
        this.time = time;
    }

    /** What is asked; every part optional. */
    record Request(
            @Nullable String gemeente,
            @Nullable LocalDate van,
            @Nullable LocalDate tot,
            @Nullable String interval,
            @Nullable String familie) {}

    /** The caller's gemeente, refusing any other. */
    String gemeente(@Nullable String requested) {
        Professional professional = currentProfessional.require();
        String own = professional
                .gemeente()
                .orElseThrow(() -> new AccessDeniedException("Uw account hoort bij geen gemeente."));
        if (requested != null && !requested.isBlank()) {
            if (!GEMEENTE.matcher(requested).matches()) {
                throw invalid("gemeente is een CBS-gemeentecode: GM en vier cijfers.");
            }
            if (!requested.equals(own)) {
                throw new AccessDeniedException("Alleen de monitor van de eigen gemeente.");
            }
        }
        return own;
    }

    Monitor monitor(Request request) {
        String gemeente = gemeente(request.gemeente());
        LocalDate today = time.today();
        YearMonth running = quarterOf(YearMonth.from(today));
        YearMonth until = request.tot() == null ? running : quarter(request.tot(), "tot");
        YearMonth from = request.van() == null ? until.minusYears(5) : quarter(request.van(), "van");
        if (!from.isBefore(until) || ChronoUnit.MONTHS.between(from, until) > 12L * LONGEST_YEARS) {
            throw invalid("van ligt voor tot, en de monitor beslaat hoogstens " + LONGEST_YEARS + " jaar.");
        }
        if (until.isAfter(running)) {
            throw invalid("De monitor telt alleen afgelopen kwartalen; tot is hoogstens "
                    + running.atDay(1).format(DUTCH_DATE) + ".");
        }
        String interval = request.interval() == null ? "kwartaal" : request.interval();
        if (!List.of("maand", "kwartaal", "jaar").contains(interval)) {
            throw invalid("interval is maand, kwartaal of jaar.");
        }
        List<String> codes = violenceTypes.options(today, DUTCH).stream()
                .map(ViolenceTypeCodes.Option::code)
                .toList();
        List<Family> families = MonitorFamilies.all(codes).stream()
                .filter(f -> request.familie() == null || f.name().equals(request.familie()))
                .toList();
        if (families.isEmpty()) {
            throw invalid("familie is bronnen, geweldsvormen, kleuren, keten, recidive of interventies.");
        }

        // Which levels hold enough other gemeenten to be shown beside the own one.
        Map<String, Long> addresses = addressCounts.perGemeente();
        List<String> kanttekeningen = new ArrayList<>();
        String region = regions.regionOf(gemeente).orElse(null);
        List<String> regionGemeenten = region == null
                ? List.of()
                : regions.all().entrySet().stream()
                        .filter(e -> e.getValue().equals(region))
                        .map(Map.Entry::getKey)
                        .filter(addresses::containsKey)
                        .sorted()
                        .toList();
        boolean regionShown = region != null
                && regionGemeenten.stream().filter(g -> !g.equals(gemeente)).count() >= MINIMUM_OTHER_GEMEENTEN;
        long narrower = regionShown ? regionGemeenten.size() : 1;
        boolean allShown = addresses.size() - narrower >= MINIMUM_OTHER_GEMEENTEN;
        if (!regionShown) {
            kanttekeningen.add(
                    "De Veilig Thuis-regio wordt niet getoond: zij telt minder dan " + MINIMUM_OTHER_GEMEENTEN
                            + " andere deelnemende gemeenten, zodat haar cijfers die van een andere gemeente zouden verraden.");
        }
        if (!allShown) {
            kanttekeningen.add("Alle deelnemende gemeenten samen worden niet getoond: buiten de eigen "
                    + (regionShown ? "regio" : "gemeente") + " doen minder dan " + MINIMUM_OTHER_GEMEENTEN
                    + " gemeenten mee.");
        }
        List<Level> levels = new ArrayList<>();
        List<Monitor.Niveau> niveaus = new ArrayList<>();
        if (allShown) {
            levels.add(Level.ALL);
            niveaus.add(new Monitor.Niveau(
                    Level.ALL.code(),
                    MonitorTally.ALL,
                    ALL_NAME,
                    addresses.values().stream().mapToLong(Long::longValue).sum(),
                    addresses.size()));
        }
        if (regionShown) {
            levels.add(Level.REGION);
            niveaus.add(new Monitor.Niveau(
                    Level.REGION.code(),
                    region,
                    vtRegions.nameOf(region).orElse(region),
                    regionGemeenten.stream().mapToLong(addresses::get).sum(),
                    regionGemeenten.size()));
        }
        levels.add(Level.OWN);
        String ownName = currentProfessional
                .require()
                .organisation()
                .map(organisations::displayName)
                .orElse(gemeente);
        niveaus.add(new Monitor.Niveau(Level.OWN.code(), gemeente, ownName, addresses.getOrDefault(gemeente, 0L), 1));
        Map<Level, Long> addressesOf = new LinkedHashMap<>();
        niveaus.forEach(n -> addressesOf.put(levelOf(n.niveau()), n.omvang()));

        MonitorReads.Raw raw =
                reads.read(gemeente, regionShown ? region : null, regionGemeenten, allShown, from, until);
        MonitorComposer.Counts counts =
                (level, month, category) -> MonitorFamilies.derived(category, key -> raw.value(level, month, key));

        List<Monitor.Reeks> reeksen = new ArrayList<>();
        for (Family family : families) {
            Map<YearMonth, Protected> quarters = new LinkedHashMap<>();
            for (YearMonth q = from; q.isBefore(until); q = q.plusMonths(3)) {
                if (family.cohort() && !MonitorComposer.followedUp(q, today)) {
                    continue;
                }
                quarters.put(q, MonitorComposer.quarter(family, levels, counts, q));
            }
            Map<Integer, Protected> years = new LinkedHashMap<>();
            if (interval.equals("jaar")) {
                for (int year = from.getYear(); year <= until.getYear(); year++) {
                    List<Protected> four = new ArrayList<>();
                    for (int q = 0; q < 4; q++) {
                        Protected p = quarters.get(YearMonth.of(year, 3 * q + 1));
                        if (p != null) {
                            four.add(p);
                        }
                    }
                    if (four.size() == 4) {
                        years.put(year, MonitorComposer.year(family, levels, counts, year, four));
                    }
                }
            }
            for (Level level : levels) {
                for (int index = 0; index < family.categories().size(); index++) {
                    int c = index;
                    String category = family.categories().get(c);
                    if (!MonitorFamilies.shown(category)) {
                        continue;
                    }
                    String denominator = MonitorFamilies.denominator(category);
                    int d = denominator == null ? -1 : family.categories().indexOf(denominator);
                    List<Monitor.Punt> punten = new ArrayList<>();
                    long levelAddresses = addressesOf.getOrDefault(level, 0L);
                    boolean rate = MonitorFamilies.perAddress(category);
                    switch (interval) {
                        case "maand" ->
                            quarters.forEach((q, p) -> {
                                for (int m = 0; m < 3; m++) {
                                    YearMonth month = q.plusMonths(m);
                                    ProtectedCount count = p.get(level, c, m);
                                    punten.add(point(
                                            month.toString(),
                                            month.atDay(1),
                                            month.plusMonths(1).atDay(1),
                                            count,
                                            rate ? levelAddresses : 0,
                                            d < 0 ? null : p.get(level, d, m)));
                                }
                            });
                        case "kwartaal" ->
                            quarters.forEach((q, p) -> {
                                int col = family.stock() ? 2 : 3;
                                punten.add(point(
                                        q.getYear() + "-K" + ((q.getMonthValue() - 1) / 3 + 1),
                                        q.atDay(1),
                                        q.plusMonths(3).atDay(1),
                                        p.get(level, c, col),
                                        rate ? levelAddresses : 0,
                                        d < 0 ? null : p.get(level, d, col)));
                            });
                        default ->
                            years.forEach((year, p) -> {
                                int col = family.stock() ? 11 : 16;
                                punten.add(point(
                                        Integer.toString(year),
                                        LocalDate.of(year, 1, 1),
                                        LocalDate.of(year + 1, 1, 1),
                                        p.get(level, c, col),
                                        rate ? levelAddresses : 0,
                                        d < 0 ? null : p.get(level, d, col)));
                            });
                    }
                    reeksen.add(new Monitor.Reeks(family.name(), category, level.code(), punten));
                }
            }
        }
        return new Monitor(
                gemeente,
                niveaus,
                new Monitor.Periode(from.atDay(1), until.atDay(1)),
                interval,
                new Monitor.Regels(
                        DisclosureControl.NAME + " " + DisclosureControl.VERSION,
                        versions.active().id(),
                        properties.normBeoordelingProcent(),
                        properties.normOnderzoekProcent()),
                reeksen,
                kanttekeningen);
    }

    private static Monitor.Punt point(
            String name,
            LocalDate from,
            LocalDate until,
            ProtectedCount count,
            long addresses,
            @Nullable ProtectedCount whole) {
        return new Monitor.Punt(
                name,
                from,
                until,
                count,
                addresses > 0 ? MonitorComposer.perThousand(count, addresses) : null,
                whole == null ? null : MonitorComposer.share(count, whole));
    }

    static Level levelOf(String code) {
        for (Level level : Level.values()) {
            if (level.code().equals(code)) {
                return level;
            }
        }
        throw new IllegalArgumentException(code);
    }

    static YearMonth quarterOf(YearMonth month) {
        return YearMonth.of(month.getYear(), (month.getMonthValue() - 1) / 3 * 3 + 1);
    }

    private static YearMonth quarter(LocalDate day, String field) {
        if (day.getDayOfMonth() != 1 || (day.getMonthValue() - 1) % 3 != 0) {
            throw invalid(field + " is de eerste dag van een kwartaal, bijvoorbeeld 2026-01-01.");
        }
        return YearMonth.from(day);
    }

    private static ResponseStatusException invalid(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }
}
