package nl.adreszicht.veiligthuis;

import java.util.List;
import java.util.UUID;
import nl.adreszicht.records.IfMatch;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.records.StatedReason;
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
 * {@code /api/v1/overdrachten}: the lokaal team's inbox of overdrachten from Veilig Thuis, for the caller's gemeente;
 * an offer with what the team needs (never the melder); its acceptance, or its refusal with a reason. The answer
 * changes the melding: it names the ETag the offer was read with in If-Match (412 when the melding changed since).
 */
@RestController
class OverdrachtApiController {

    static final String OVERDRACHTEN = "/api/v1/overdrachten";

    private final Overdrachten overdrachten;

    OverdrachtApiController(Overdrachten overdrachten) {
        this.overdrachten = overdrachten;
    }

    @GetMapping(OVERDRACHTEN)
    List<Overdrachten.Regel> inbox() {
        return overdrachten.inbox("overdrachten.lezen");
    }

    /** The offer, with its melding's revision as the ETag that the answer names in If-Match. */
    @GetMapping(OVERDRACHTEN + "/{id}")
    ResponseEntity<Overdrachten.OverdrachtResource> read(@PathVariable String id) {
        return answer(overdrachten.read(id(id), "overdracht.lezen").orElseThrow(OverdrachtApiController::notFound));
    }

    @PostMapping(OVERDRACHTEN + "/{id}/acceptatie")
    ResponseEntity<Overdrachten.OverdrachtResource> accept(@PathVariable String id, IfMatch ifMatch) {
        return answer(overdrachten.accept(id(id), ifMatch, "overdracht.accepteren"));
    }

    /** Why the lokaal team does not take the case over. */
    record WeigeringVerzoek(@Nullable String reden) {}

    @PostMapping(OVERDRACHTEN + "/{id}/weigering")
    ResponseEntity<Overdrachten.OverdrachtResource> refuse(
            @PathVariable String id, IfMatch ifMatch, @RequestBody WeigeringVerzoek body) {
        UUID overdracht = id(id);
        String reason = StatedReason.of(body.reden());
        return answer(overdrachten.refuse(overdracht, ifMatch, reason, "overdracht.weigeren"));
    }

    private static ResponseEntity<Overdrachten.OverdrachtResource> answer(Overdrachten.OverdrachtResource offer) {
        return ResponseEntity.ok().eTag(IfMatch.etag(offer.revision())).body(offer);
    }

    /** A notice to the college of burgemeester en wethouders: what kind and which day, no content. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "CollegeBericht")
    record CollegeBericht(String soort, java.time.LocalDate datum) {}

    @GetMapping("/api/v1/college-berichten")
    List<CollegeBericht> collegeNotices() {
        return overdrachten.collegeNotices().stream()
                .map(n -> new CollegeBericht(n.kind(), n.sentOn()))
                .toList();
    }

    static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("id", "validation.overdrachtId.format");
        }
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, Overdrachten.notFound());
    }
}
