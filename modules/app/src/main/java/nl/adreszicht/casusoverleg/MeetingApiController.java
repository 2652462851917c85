package nl.adreszicht.casusoverleg;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.adreszicht.addresses.KnownAddresses;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.IfMatch;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The meetings over {@code /api/v1/overleggen}: planning one (idempotent: the same moment of the same region returns
 * the stored meeting), reading it, accepting its confidentiality statement, and recording the minutes of a case.
 */
@RestController
class MeetingApiController {

    static final String PATH = "/api/v1/overleggen";

    private final Meetings meetings;
    private final KnownAddresses addresses;
    private final DutchTime time;

    MeetingApiController(Meetings meetings, KnownAddresses addresses, DutchTime time) {
        this.meetings = meetings;
        this.addresses = addresses;
        this.time = time;
    }

    @ApiResponse(responseCode = "201", description = "Gepland", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "200",
            description = "Er is al een overleg van uw regio op dit moment: dat overleg",
            useReturnTypeSchema = true)
    @PostMapping(PATH)
    ResponseEntity<CaseResources.Overlegmoment> plan(@RequestBody CaseResources.NieuwOverleg body) {
        Meetings.Planned planned = meetings.plan(
                new Meetings.MeetingInput(
                        body.datum(), body.aanvang(), texts(body.gemeenten()), texts(body.casussen())),
                Meetings.PLAN);
        CaseResources.Overlegmoment moment = moment(planned.meeting());
        return planned.created()
                ? ResponseEntity.created(URI.create(PATH + "/" + moment.id())).body(moment)
                : ResponseEntity.ok(moment);
    }

    @GetMapping(PATH)
    List<CaseResources.Overlegmoment> list() {
        return meetings.list().stream().map(MeetingApiController::moment).toList();
    }

    @GetMapping(PATH + "/{id}")
    CaseResources.Overleg read(@PathVariable String id) {
        return overleg(meetings.read(CaseApiController.uuid(id), Meetings.READ).orElseThrow(Meetings::notFound));
    }

    @ApiResponse(responseCode = "201", description = "Geaccepteerd", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Eerder geaccepteerd", useReturnTypeSchema = true)
    @PostMapping(PATH + "/{id}/geheimhoudingsverklaringen")
    ResponseEntity<CaseResources.Overleg> accept(@PathVariable String id) {
        UUID meeting = CaseApiController.uuid(id);
        boolean created = meetings.acceptStatement(meeting, Meetings.STATEMENT);
        // The meeting as the attendee now sees it; reading it after accepting is part of this request's one entry.
        CaseResources.Overleg overleg =
                overleg(meetings.viewAfterAccepting(meeting).orElseThrow(Meetings::notFound));
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(overleg);
    }

    @PostMapping(PATH + "/{id}/casussen/{casusId}/verslag")
    ResponseEntity<CaseResources.Agendapunt> minutes(
            @PathVariable String id,
            @PathVariable String casusId,
            IfMatch ifMatch,
            @RequestBody CaseResources.Overlegverslag body) {
        UUID meeting = CaseApiController.uuid(id);
        UUID caseId = CaseApiController.uuid(casusId);
        Meetings.AgendaRow row = meetings.recordMinutes(
                meeting,
                caseId,
                ifMatch,
                new Meetings.MinutesInput(body.besproken(), body.besluiten(), body.risico()),
                Meetings.MINUTES);
        return meetings.viewAfterAccepting(meeting)
                .flatMap(view -> view.items().stream()
                        .filter(item -> item.row().caseId().equals(caseId))
                        .findFirst())
                .map(item -> agendapunt(new Meetings.Item(row, item.c()), labels(List.of(item))))
                .map(punt -> ResponseEntity.ok().eTag(punt.etag()).body(punt))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private CaseResources.Overleg overleg(Meetings.MeetingView view) {
        Map<AddressId, String> labels = labels(view.items());
        return new CaseResources.Overleg(
                view.meeting().id(),
                view.meeting().heldOn(),
                view.meeting().startsAt(),
                view.meeting().zvhRegion(),
                view.meeting().gemeenten(),
                view.accepted(),
                view.casesOnAgenda(),
                view.items().stream().map(item -> agendapunt(item, labels)).toList(),
                view.attendees().stream()
                        .map(a -> new CaseResources.Aanwezige(a.name(), a.organisation(), a.acceptedAt()))
                        .toList());
    }

    private CaseResources.Agendapunt agendapunt(Meetings.Item item, Map<AddressId, String> labels) {
        LocalDate today = time.today();
        Meetings.AgendaRow row = item.row();
        return new CaseResources.Agendapunt(
                row.caseId(),
                item.c().c().number(),
                labels.get(item.c().c().address()),
                row.reason(),
                row.newRecord(),
                item.c().actions().stream()
                        .filter(a -> a.status().isOpen())
                        .map(a -> CaseResources.Actie.of(a, today))
                        .toList(),
                row.minutesAt() == null
                        ? null
                        : new CaseResources.Verslag(row.discussed(), row.decisions(), row.risk(), row.minutesAt()),
                IfMatch.etag(row.revision()));
    }

    private Map<AddressId, String> labels(List<Meetings.Item> items) {
        return addresses.labelsOf(
                items.stream().map(item -> item.c().c().address()).toList());
    }

    private static CaseResources.Overlegmoment moment(Meetings.MeetingRow meeting) {
        return new CaseResources.Overlegmoment(
                meeting.id(), meeting.heldOn(), meeting.startsAt(), meeting.zvhRegion(), meeting.gemeenten());
    }

    private static List<String> texts(@Nullable List<@Nullable String> values) {
        return values == null
                ? List.of()
                : values.stream().map(value -> value == null ? "" : value).toList();
    }
}
