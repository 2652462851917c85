package nl.adreszicht.monitor;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.adreszicht.audit.AccessEntry;
import nl.adreszicht.audit.AccessKind;
import nl.adreszicht.audit.AccessLog;
import nl.adreszicht.codelists.VtRegions;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.records.InvalidValuesException;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Professional;
import nl.adreszicht.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The addresses with at least N repeats (recidive rules, every agency's records) within the window, in the caller's
 * area: a Veilig Thuis professional's own VT region, a police officer's the regions the police unit serves
 * ({@code organisation_vt_region}). Another area's addresses are simply not there. Sorted by the number of repeats
 * or by the last record, paged by key (a cursor naming the last row shown), so a page reads only its rows from the
 * index {@code (vt_region, repeats, address_id)} whatever the size of the region. One access-log entry per page.
 */
@Service
class RepeatAddressList {

    static final int DEFAULT_PAGE = 50;
    static final int LARGEST_PAGE = 200;

    private static final Pattern CURSOR = Pattern.compile("([0-9]{1,9}|[0-9]{4}-[0-9]{2}-[0-9]{2})_([0-9a-f-]{36})");

    private final JdbcTemplate jdbc;
    private final VtRegions regions;
    private final CurrentProfessional currentProfessional;
    private final AccessLog accessLog;
    private final RecidiveRulesVersions versions;
    private final MonitorProperties properties;

    RepeatAddressList(
            JdbcTemplate jdbc,
            VtRegions regions,
            CurrentProfessional currentProfessional,
            AccessLog accessLog,
            RecidiveRulesVersions versions,
            MonitorProperties properties) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.currentProfessional = currentProfessional;
        this.accessLog = accessLog;
        this.versions = versions;
        this.properties = properties;
    }

    /** What is asked; every part optional. */
    record Query(
            @Nullable Integer minimum,
            @Nullable String sorteer,
            @Nullable String na,
            @Nullable Integer aantal) {}

    @Schema(name = "Herhaaladres")
    record Regel(
            String adresId,
            String gemeente,
            int herhalingen,
            @Nullable LocalDate laatsteRegistratie) {}

    @Schema(name = "Herhaaladressen")
    record Lijst(
            List<String> regios,
            int minimum,

            @Schema(allowableValues = {"herhalingen", "recent"})
            String sorteer,

            String recidiveregels,
            List<Regel> items,

            @Schema(description = "Cursor van de volgende pagina (parameter na); afwezig op de laatste") @Nullable
            String volgende) {}

    /**
     * One page of the list: regions, minimum, (the cursor's key twice and address id,) page size + 1. Read from the
     * partial index of the sort order from the cursor on, whatever the size of the region (MonitorQueryPlanTest).
     */
    static String page(String sort, boolean afterCursor) {
        boolean byRepeats = sort.equals("herhalingen");
        String after = !afterCursor
                ? ""
                : byRepeats
                        ? " AND (repeats < ? OR (repeats = ? AND address_id > ?))"
                        : " AND (last_event_on < ? OR (last_event_on = ? AND address_id > ?))";
        String order = byRepeats ? " ORDER BY repeats DESC, address_id" : " ORDER BY last_event_on DESC, address_id";
        return "SELECT address_id, gemeente_code, repeats, last_event_on FROM monitor_address"
                + " WHERE vt_region = ANY(?::varchar[]) AND repeats > 0 AND repeats >= ?" + after + order + " LIMIT ?";
    }

    /** The regions whose addresses the caller may list. */
    List<String> area() {
        Professional professional = currentProfessional.require();
        if (professional.has(Role.VT_MEDEWERKER) || professional.has(Role.VT_SUPERVISOR)) {
            return professional.vtRegion().map(List::of).orElse(List.of());
        }
        if (professional.has(Role.POLITIE_MEDEWERKER)) {
            return professional.organisation().map(regions::servedBy).orElse(List.of());
        }
        return List.of();
    }

    Lijst list(Query query, String action) {
        InvalidValuesException.Collector invalid = new InvalidValuesException.Collector();
        Integer minimum = invalid.collect(() -> {
            int m = query.minimum() == null ? properties.minimumHerhalingen() : query.minimum();
            if (m < 1 || m > 1000) {
                throw new InvalidValueException("minimum", "validation.herhaaladressen.minimum");
            }
            return m;
        });
        String sort = invalid.collect(() -> {
            String s = query.sorteer() == null || query.sorteer().isBlank() ? "herhalingen" : query.sorteer();
            if (!s.equals("herhalingen") && !s.equals("recent")) {
                throw new InvalidValueException("sorteer", "validation.herhaaladressen.sorteer");
            }
            return s;
        });
        Integer size = invalid.collect(() -> {
            int n = query.aantal() == null ? DEFAULT_PAGE : query.aantal();
            if (n < 1 || n > LARGEST_PAGE) {
                throw new InvalidValueException("aantal", "validation.herhaaladressen.aantal");
            }
            return n;
        });
        Matcher cursor = invalid.collect(() -> {
            if (query.na() == null || query.na().isBlank()) {
                return null;
            }
            Matcher m = CURSOR.matcher(query.na());
            if (!m.matches()) {
                throw new InvalidValueException("na", "validation.herhaaladressen.na");
            }
            return m;
        });
        invalid.throwIfAny();
        if (cursor != null && sort.equals("recent") != cursor.group(1).contains("-")) {
            throw new InvalidValuesException(List.of(new InvalidValueException("na", "validation.herhaaladressen.na")));
        }
        List<String> area = area();
        String regionList = "{" + String.join(",", area) + "}";
        List<Object> args = new ArrayList<>(List.of(regionList, minimum));
        if (cursor != null) {
            UUID id = UUID.fromString(cursor.group(2));
            if (sort.equals("herhalingen")) {
                int repeats = Integer.parseInt(cursor.group(1));
                args.addAll(List.of(repeats, repeats, id));
            } else {
                LocalDate day = LocalDate.parse(cursor.group(1));
                args.addAll(List.of(day, day, id));
            }
        }
        args.add(size + 1);
        List<Regel> rows = area.isEmpty()
                ? List.of()
                : jdbc.query(
                        page(sort, cursor != null),
                        (row, n) -> new Regel(
                                row.getObject(1, UUID.class).toString(),
                                row.getString(2).trim(),
                                row.getInt(3),
                                row.getObject(4, LocalDate.class)),
                        args.toArray());
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            Regel last = rows.get(rows.size() - 1);
            next = (sort.equals("herhalingen") ? Integer.toString(last.herhalingen()) : last.laatsteRegistratie()) + "_"
                    + last.adresId();
        }
        accessLog.record(new AccessEntry(AccessKind.ZOEKEN, action, "herhaaladressen", null, false));
        return new Lijst(area, minimum, sort, versions.active().id(), List.copyOf(rows), next);
    }
}
