package nl.adreszicht.audit;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.adreszicht.codelists.Organisations;
import nl.adreszicht.records.PageController;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The privacy officer's page: search the log by professional (username or name), by address (postcode and house
 * number), by object id or for break-the-glass uses, within a range of days; see who did what by name, and export the
 * same answer as CSV in Dutch time. Every search and every export is itself an entry of the log.
 */
@PageController
class AccessLogPageController {

    private static final Pattern OPAQUE_ID = Pattern.compile(AccessLogApiController.OPAQUE_ID);

    /** The search form as it is sent: text as typed, so that it comes back as typed with the errors. */
    record Search(
            @Nullable String gebruiker,
            @Nullable String postcode,
            @Nullable String huisnummer,
            @Nullable String object,
            @Nullable String van,
            @Nullable String tot,
            @Nullable String breakTheGlass) {

        /** Whether only break-the-glass uses are asked for (a checkbox: sent as {@code true}, or not at all). */
        public boolean onlyBreakTheGlass() {
            return "true".equals(breakTheGlass);
        }

        boolean isEmpty() {
            return blank(gebruiker)
                    && blank(postcode)
                    && blank(huisnummer)
                    && blank(object)
                    && blank(van)
                    && blank(tot)
                    && !onlyBreakTheGlass();
        }

        /** The query string of the same search, for the export link. */
        String query() {
            UriComponentsBuilder query = UriComponentsBuilder.newInstance();
            Map<String, @Nullable String> fields = new LinkedHashMap<>();
            fields.put("gebruiker", gebruiker);
            fields.put("postcode", postcode);
            fields.put("huisnummer", huisnummer);
            fields.put("object", object);
            fields.put("van", van);
            fields.put("tot", tot);
            fields.forEach((name, value) -> {
                if (!blank(value)) {
                    query.queryParam(name, value);
                }
            });
            if (onlyBreakTheGlass()) {
                query.queryParam("breakTheGlass", true);
            }
            return query.encode().build().getQuery();
        }
    }

    private final AccessLogQueries queries;
    private final ProfessionalNames names;
    private final ObjectProvider<AddressLookup> addresses;
    private final Organisations organisations;
    private final DutchTime time;
    private final UnusualReadings unusual;
    private final AccessLog accessLog;
    private final CurrentProfessional currentProfessional;

    AccessLogPageController(
            AccessLogQueries queries,
            ProfessionalNames names,
            ObjectProvider<AddressLookup> addresses,
            Organisations organisations,
            DutchTime time,
            UnusualReadings unusual,
            AccessLog accessLog,
            CurrentProfessional currentProfessional) {
        this.queries = queries;
        this.names = names;
        this.addresses = addresses;
        this.organisations = organisations;
        this.time = time;
        this.unusual = unusual;
        this.accessLog = accessLog;
        this.currentProfessional = currentProfessional;
    }

    @GetMapping("/toegangslog")
    String page(@ModelAttribute("search") Search search, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<LoggedAccess> entries = null;
        if (!search.isEmpty()) {
            AccessLogQueries.Criteria criteria = criteria(search, errors);
            if (errors.isEmpty()) {
                entries = queries.search(criteria, AccessKind.ZOEKEN, "toegangslog.pagina");
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("entries", entries);
        addUnusualReadings(model);
        model.addAttribute("limit", AccessLogQueries.LIMIT);
        if (entries != null) {
            model.addAttribute("names", names.of(subjects(entries)));
            model.addAttribute("organisations", organisationNames(entries));
            model.addAttribute("exportQuery", search.query());
        }
        return "toegangslog";
    }

    /**
     * The days of the last month on which a professional of the officer's own organisation read far more addresses
     * than usual (issue 13, {@link UnusualReadings}), with a link to that day of their log. Shown only to a privacy
     * officer of an organisation; showing them is a read of the log about those professionals, so it is logged.
     */
    private void addUnusualReadings(Model model) {
        String organisation = currentProfessional.require().organisation().orElse(null);
        List<UnusualReadings.Finding> findings = organisation == null
                ? List.of()
                : unusual.of(organisation, time.today().minusDays(30));
        if (!findings.isEmpty()) {
            accessLog.record(new AccessEntry(AccessKind.ZOEKEN, "toegangslog.pagina", "leesbevinding", null, false));
        }
        model.addAttribute("unusual", findings);
        model.addAttribute(
                "unusualNames",
                names.of(findings.stream().map(UnusualReadings.Finding::subject).collect(Collectors.toSet())));
    }

    /** The same search as a CSV file; logged as an export before anything is written. */
    @GetMapping("/toegangslog/export")
    ResponseEntity<byte[]> export(@ModelAttribute("search") Search search) {
        Map<String, String> errors = new LinkedHashMap<>();
        AccessLogQueries.Criteria criteria = search.isEmpty() ? null : criteria(search, errors);
        if (criteria == null || !errors.isEmpty()) {
            // Nothing to export: back to the page, which names what is missing or wrong.
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .header(HttpHeaders.LOCATION, "/toegangslog" + (search.isEmpty() ? "" : "?" + search.query()))
                    .build();
        }
        List<LoggedAccess> entries = queries.search(criteria, AccessKind.EXPORTEREN, "toegangslog.export");
        String csv = AccessLogCsv.write(entries, names.of(subjects(entries)), organisationNames(entries));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(AccessLogCsv.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + AccessLogCsv.fileName(time) + "\"")
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    /** The criteria of a search, or the errors that stop it, by field: all at once. */
    private AccessLogQueries.Criteria criteria(Search search, Map<String, String> errors) {
        List<String> subjects = null;
        if (!blank(search.gebruiker())) {
            if (search.gebruiker().strip().length() > 100) {
                errors.put("gebruiker", "toegangslog.error.gebruiker");
            } else {
                subjects = names.subjectsFor(search.gebruiker());
            }
        }
        List<String> addressIds = null;
        if (!blank(search.postcode()) || !blank(search.huisnummer())) {
            if (blank(search.postcode())) {
                errors.put("postcode", "toegangslog.error.postcode");
            } else if (blank(search.huisnummer())) {
                errors.put("huisnummer", "toegangslog.error.huisnummer");
            } else {
                AddressLookup lookup = addresses.getIfAvailable();
                try {
                    addressIds = lookup == null ? List.of() : lookup.idsAt(search.postcode(), search.huisnummer());
                } catch (IllegalArgumentException invalid) {
                    errors.put(
                            invalid.getMessage() != null && invalid.getMessage().startsWith("huisnummer")
                                    ? "huisnummer"
                                    : "postcode",
                            invalid.getMessage() != null && invalid.getMessage().startsWith("huisnummer")
                                    ? "toegangslog.error.huisnummer"
                                    : "toegangslog.error.postcode");
                }
            }
        }
        String object = null;
        if (!blank(search.object())) {
            if (OPAQUE_ID.matcher(search.object().strip()).matches()) {
                object = search.object().strip();
            } else {
                errors.put("object", "toegangslog.error.id");
            }
        }
        LocalDate from = day(search.van(), "van", errors);
        LocalDate until = day(search.tot(), "tot", errors);
        if (from != null && until != null && until.isBefore(from)) {
            errors.put("tot", "toegangslog.error.volgorde");
        }
        boolean named = subjects != null || addressIds != null || object != null || search.onlyBreakTheGlass();
        if (!named && errors.isEmpty()) {
            errors.put("gebruiker", "toegangslog.error.niets");
        }
        return new AccessLogQueries.Criteria(
                subjects,
                addressIds,
                object,
                search.onlyBreakTheGlass(),
                from == null ? null : startOf(from),
                until == null ? null : startOf(until.plusDays(1)));
    }

    /** A day of the form (a date input sends {@code jjjj-mm-dd}), or null when empty or wrong (then an error). */
    private static @Nullable LocalDate day(@Nullable String text, String field, Map<String, String> errors) {
        if (blank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException wrong) {
            errors.put(field, "toegangslog.error.datum");
            return null;
        }
    }

    /** Days are Dutch calendar days: 1 March runs from midnight in Amsterdam. */
    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(DutchTime.ZONE).toOffsetDateTime();
    }

    /** The professionals an answer names: who acted, and who was searched for (an entry about a user). */
    private static java.util.Set<String> subjects(List<LoggedAccess> entries) {
        java.util.Set<String> subjects = new java.util.HashSet<>();
        for (LoggedAccess entry : entries) {
            subjects.add(entry.gebruiker());
            if ("gebruiker".equals(entry.objectType()) && entry.objectId() != null) {
                subjects.add(entry.objectId());
            }
        }
        return subjects;
    }

    private Map<String, String> organisationNames(List<LoggedAccess> entries) {
        Map<String, String> display = new LinkedHashMap<>();
        entries.stream()
                .map(LoggedAccess::organisatie)
                .filter(code -> code != null)
                .distinct()
                .forEach(code -> display.put(code, organisations.displayName(code)));
        return display;
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
