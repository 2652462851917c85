package nl.adreszicht.colour;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import nl.adreszicht.addresses.Address;
import nl.adreszicht.addresses.AddressRegister;
import nl.adreszicht.audit.AccessKind;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.IfMatch;
import nl.adreszicht.security.CurrentProfessional;
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
 * {@code /api/v1/adressen/{id}/kleurverlagingen}: proposing and approving the lowering of an address's colour
 * (four eyes), within the caller's own VT region (or by a break-the-glass grant for the address), like the radar.
 * The address is then read through the register, so access logging is that of any other use of the address.
 */
@RestController
class ColourLoweringApiController {

    private final AddressRegister register;
    private final VtRegionAccess region;
    private final ColourLowerings lowerings;
    private final CurrentProfessional currentProfessional;

    ColourLoweringApiController(
            AddressRegister register,
            VtRegionAccess region,
            ColourLowerings lowerings,
            CurrentProfessional currentProfessional) {
        this.register = register;
        this.region = region;
        this.lowerings = lowerings;
        this.currentProfessional = currentProfessional;
    }

    @PostMapping("/api/v1/adressen/{id}/kleurverlagingen")
    @ApiResponse(responseCode = "201", description = "Voorgesteld", useReturnTypeSchema = true)
    ResponseEntity<Kleurverlaging> propose(
            @PathVariable String id, @Valid @RequestBody KleurverlagingVoorstel proposal) {
        AddressId address = changed(id, "adres.kleur.verlagen");
        Kleurverlaging proposed = Kleurverlaging.of(lowerings.propose(
                address,
                proposal.doelkleur(),
                proposal.reden(),
                proposal.herbeoordelingsdatum(),
                currentProfessional.require()));
        return ResponseEntity.status(HttpStatus.CREATED).eTag(proposed.etag()).body(proposed);
    }

    @GetMapping("/api/v1/adressen/{id}/kleurverlagingen")
    List<Kleurverlaging> list(@PathVariable String id) {
        AddressId address = access(id, "adres.kleurverlagingen.lezen", AccessKind.LEZEN);
        return lowerings.of(address).stream().map(Kleurverlaging::of).toList();
    }

    @PostMapping("/api/v1/adressen/{id}/kleurverlagingen/{verlagingId}/goedkeuring")
    ResponseEntity<Kleurverlaging> approve(@PathVariable String id, @PathVariable String verlagingId, IfMatch ifMatch) {
        AddressId address = changed(id, "adres.kleur.verlaging.goedkeuren");
        Kleurverlaging approved =
                Kleurverlaging.of(lowerings.approve(address, verlagingId, ifMatch, currentProfessional.require()));
        return ResponseEntity.ok().eTag(approved.etag()).body(approved);
    }

    private AddressId changed(String id, String action) {
        return access(id, action, AccessKind.WIJZIGEN);
    }

    /** The address, within the caller's VT region or by a break-the-glass grant, logged as {@code kind}. */
    private AddressId access(String id, String action, AccessKind kind) {
        AddressId address = AddressId.parse(id);
        boolean breakTheGlass = region.authorise(address, action);
        return register.access(address, action, kind, breakTheGlass)
                .map(Address::id)
                .orElseThrow(ColourLoweringApiController::notFound);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(
                HttpStatus.NOT_FOUND, "Dit adres staat niet in het adresregister (of valt buiten uw werkgebied).");
    }

    /** A proposal to lower the colour of an address. */
    record KleurverlagingVoorstel(
            @NotBlank String doelkleur,
            @NotBlank String reden,
            @NotNull LocalDate herbeoordelingsdatum) {}

    /**
     * A lowering as the API shows it. Who proposed and approved it is in the access log, not here: the professionals'
     * subjects mean nothing to a reader and are personal data of their own.
     */
    record Kleurverlaging(
            String id,
            String doelkleur,
            String reden,
            LocalDate herbeoordelingsdatum,
            String status,
            LocalDate voorgesteldOp,
            @Nullable LocalDate goedgekeurdOp,

            // A lowering has no GET of its own: the address's list and every answer carry its ETag for the approval.
            @Schema(description = "ETag van deze versie: stuur hem als If-Match mee bij de goedkeuring")
            String etag) {

        static Kleurverlaging of(ColourLowerings.Lowering lowering) {
            return new Kleurverlaging(
                    lowering.id().toString(),
                    lowering.target().name(),
                    lowering.reason(),
                    lowering.reviewDate(),
                    lowering.approvedOn() == null ? "voorgesteld" : "goedgekeurd",
                    lowering.proposedOn(),
                    lowering.approvedOn(),
                    IfMatch.etag(lowering.revision()));
        }
    }
}
