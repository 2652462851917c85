package nl.adreszicht.radar;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.adreszicht.audit.AccessEntry;
import nl.adreszicht.audit.AccessKind;
import nl.adreszicht.audit.AccessLog;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.IfMatch;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.records.InvalidValuesException;
import nl.adreszicht.security.CurrentProfessional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The radar over the API: {@code /api/v1/adressen/{id}/historie} and its break-the-glass
 * ({@code /api/v1/adressen/{id}/doorbraken}), and the supervisors' review queue ({@code /api/v1/doorbraken}).
 */
@RestController
class RadarApiController {

    static final String HISTORY = "adres.historie.lezen";
    static final String BREAK = "adres.doorbreken";
    static final String QUEUE = "doorbraken.lezen";
    static final String REVIEW = "doorbraak.beoordelen";

    private final AddressHistory history;
    private final BreakTheGlass breakTheGlass;
    private final AccessLog accessLog;
    private final CurrentProfessional currentProfessional;

    RadarApiController(
            AddressHistory history,
            BreakTheGlass breakTheGlass,
            AccessLog accessLog,
            CurrentProfessional currentProfessional) {
        this.history = history;
        this.breakTheGlass = breakTheGlass;
        this.accessLog = accessLog;
        this.currentProfessional = currentProfessional;
    }

    @GetMapping("/api/v1/adressen/{id}/historie")
    AdresHistorie read(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String van,
            @RequestParam(required = false) @Nullable String tot,
            @RequestParam(required = false) @Nullable List<String> soort) {
        AddressHistory.Filter filter = filter(van, tot, soort);
        return AdresHistorie.of(history.read(AddressId.parse(id), filter, HISTORY));
    }

    @PostMapping("/api/v1/adressen/{id}/doorbraken")
    @ApiResponse(responseCode = "201", description = "Verleend", useReturnTypeSchema = true)
    ResponseEntity<Doorbraak> breakTheGlass(@PathVariable String id, @Valid @RequestBody DoorbraakVerzoek verzoek) {
        AddressId address = AddressId.parse(id);
        if (history.inRegion(address)) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT, "Dit adres ligt in uw eigen regio; break-the-glass is niet nodig.");
        }
        if (!history.exists(address)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Dit adres staat niet in het adresregister.");
        }
        BreakTheGlass.Grant grant = breakTheGlass.grant(address, verzoek.reden(), currentProfessional.require());
        accessLog.record(new AccessEntry(AccessKind.BREAK_THE_GLASS, BREAK, "adres", address.toString(), true));
        Doorbraak doorbraak = Doorbraak.of(grant);
        return ResponseEntity.status(HttpStatus.CREATED).eTag(doorbraak.etag()).body(doorbraak);
    }

    @GetMapping("/api/v1/doorbraken")
    List<Doorbraak> queue() {
        accessLog.record(new AccessEntry(AccessKind.LEZEN, QUEUE, "doorbraken", null, false));
        return breakTheGlass.queue(currentProfessional.require()).stream()
                .map(Doorbraak::of)
                .toList();
    }

    @PostMapping("/api/v1/doorbraken/{id}/beoordeling")
    ResponseEntity<Doorbraak> review(
            @PathVariable String id, IfMatch ifMatch, @Valid @RequestBody Beoordeling beoordeling) {
        UUID grant = grantId(id);
        accessLog.record(AccessEntry.of(AccessKind.WIJZIGEN, REVIEW, "doorbraak", grant.toString()));
        Doorbraak reviewed = breakTheGlass
                .review(grant, ifMatch, beoordeling.oordeel(), beoordeling.toelichting(), currentProfessional.require())
                .map(Doorbraak::of)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "Uw organisatie heeft geen break-the-glass met dit id."));
        return ResponseEntity.ok().eTag(reviewed.etag()).body(reviewed);
    }

    static AddressHistory.Filter filter(@Nullable String van, @Nullable String tot, @Nullable List<String> soort) {
        InvalidValuesException.Collector invalid = new InvalidValuesException.Collector();
        LocalDate from = van == null ? null : invalid.collect(() -> date("van", van));
        LocalDate until = tot == null ? null : invalid.collect(() -> date("tot", tot));
        Set<HistoryEntry.Type> types = invalid.collect(() -> types(soort));
        if (from != null && until != null && until.isBefore(from)) {
            invalid.collect(() -> {
                throw new InvalidValueException("tot", "validation.periode.order");
            });
        }
        invalid.throwIfAny();
        return new AddressHistory.Filter(from, until, types == null ? Set.of() : types);
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidValueException(field, "validation.datum.format");
        }
    }

    private static Set<HistoryEntry.Type> types(@Nullable List<String> codes) {
        Set<HistoryEntry.Type> types = EnumSet.noneOf(HistoryEntry.Type.class);
        for (String code : codes == null ? List.<String>of() : codes) {
            for (String part : code.split(",")) {
                if (!part.isBlank()) {
                    types.add(HistoryEntry.Type.ofCode(part.trim())
                            .orElseThrow(() -> new InvalidValueException("soort", "validation.historie.soort")));
                }
            }
        }
        return types;
    }

    private static UUID grantId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "Uw organisatie heeft geen break-the-glass met dit id.");
        }
    }

    /** Why a professional breaks the glass. */
    record DoorbraakVerzoek(@NotBlank String reden) {}

    /** A supervisor's verdict on a break-the-glass: {@code terecht} or {@code onterecht}. */
    record Beoordeling(@NotBlank String oordeel, @Nullable String toelichting) {}

    /** A break-the-glass grant, as the professional and their supervisors see it. */
    record Doorbraak(
            String id,
            String adresId,
            String medewerker,
            String reden,
            OffsetDateTime verleendOp,
            OffsetDateTime geldigTot,
            @Nullable OffsetDateTime beoordeeldOp,
            @Nullable String oordeel,
            @Nullable String toelichting,

            // A doorbraak has no GET of its own: the queue and every answer carry its ETag for the review.
            @Schema(description = "ETag van deze versie: stuur hem als If-Match mee bij de beoordeling")
            String etag) {

        static Doorbraak of(BreakTheGlass.Grant grant) {
            return new Doorbraak(
                    grant.id().toString(),
                    grant.address().toString(),
                    grant.subject(),
                    grant.reason(),
                    grant.grantedAt(),
                    grant.expiresAt(),
                    grant.reviewedAt(),
                    grant.verdict(),
                    grant.reviewNote(),
                    IfMatch.etag(grant.revision()));
        }
    }

    /** The history of an address, newest first, with the basis of access. */
    record AdresHistorie(
            String adresId,
            String toegang,
            @Nullable OffsetDateTime toegangTot,
            List<Gebeurtenis> tijdlijn,
            List<Betrokkene> betrokkenen) {

        static AdresHistorie of(AddressHistory.History history) {
            return new AdresHistorie(
                    history.address().toString(),
                    history.grant().isPresent() ? "break-the-glass" : "regio",
                    history.grant().map(BreakTheGlass.Grant::expiresAt).orElse(null),
                    history.entries().stream().map(Gebeurtenis::of).toList(),
                    history.persons().stream().map(Betrokkene::of).toList());
        }
    }

    /** One entry of the timeline. */
    record Gebeurtenis(
            String id,
            String soort,
            OffsetDateTime tijdstip,
            @Nullable String organisatie,
            String samenvatting,
            @Nullable String toelichting,
            @Nullable String ernst,
            @Nullable Boolean kinderenAanwezig,
            List<String> geweldsvormen,
            List<BetrokkeneInGebeurtenis> betrokkenen) {

        static Gebeurtenis of(HistoryEntry entry) {
            return new Gebeurtenis(
                    entry.id(),
                    entry.type().code(),
                    entry.at(),
                    entry.organisation(),
                    entry.summary(),
                    entry.note(),
                    entry.severity() == null ? null : entry.severity().name(),
                    entry.childrenPresent(),
                    entry.violenceTypes(),
                    entry.persons().stream()
                            .map(p -> new BetrokkeneInGebeurtenis(p.name(), p.birthDate(), p.role(), p.relation()))
                            .toList());
        }
    }

    /** A betrokkene as one entry names them, with their role in it. */
    record BetrokkeneInGebeurtenis(
            String naam,
            @Nullable LocalDate geboortedatum,
            String rol,
            @Nullable String relatie) {}

    /** A betrokkene over time: every entry they appear in, with their role there. */
    record Betrokkene(String naam, @Nullable LocalDate geboortedatum, List<Optreden> optredens) {

        static Betrokkene of(AddressHistory.PersonOverTime person) {
            return new Betrokkene(
                    person.name(),
                    person.birthDate(),
                    person.appearances().stream()
                            .map(a -> new Optreden(a.entryId(), a.type().code(), a.date(), a.role(), a.relation()))
                            .toList());
        }
    }

    /** One appearance of a betrokkene. */
    record Optreden(
            String gebeurtenisId,
            String soort,
            LocalDate datum,
            String rol,
            @Nullable String relatie) {}
}
