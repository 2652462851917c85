package nl.adreszicht.colour;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.util.List;
import nl.adreszicht.addresses.Address;
import nl.adreszicht.addresses.AddressRegister;
import nl.adreszicht.addresses.HouseNumber;
import nl.adreszicht.addresses.Postcode;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.InvalidValuesException;
import nl.adreszicht.records.StatedReason;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Professional;
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
 * {@code /api/v1/adressen}. Finding an address is a POST with the address in the body, never in the URL
 * (domain.md section 2: no address text in URLs, where proxies and logs would keep it).
 */
@RestController
class AddressApiController {

    private final AddressRegister register;
    private final AddressColours colours;
    private final CurrentProfessional currentProfessional;
    private final List<AddressMarkers> markers;

    AddressApiController(
            AddressRegister register,
            AddressColours colours,
            CurrentProfessional currentProfessional,
            List<AddressMarkers> markers) {
        this.markers = markers;
        this.register = register;
        this.colours = colours;
        this.currentProfessional = currentProfessional;
    }

    @PostMapping("/api/v1/adressen/_zoek")
    AdresResource find(@Valid @RequestBody AdresZoekvraag question) {
        InvalidValuesException.Collector invalid = new InvalidValuesException.Collector();
        Postcode postcode = invalid.collect(() -> Postcode.parse(question.postcode()));
        HouseNumber number = invalid.collect(
                () -> HouseNumber.of(question.huisnummer(), question.huisletter(), question.toevoeging()));
        invalid.throwIfAny();
        return register.find(postcode, number, "adressen.zoeken")
                .map(this::resource)
                .orElseThrow(AddressApiController::notFound);
    }

    @GetMapping("/api/v1/adressen/{id}")
    AdresResource read(@PathVariable String id) {
        return register.read(AddressId.parse(id), "adres.lezen")
                .map(this::resource)
                .orElseThrow(AddressApiController::notFound);
    }

    /** {@code POST /api/v1/adressen/{id}/kleurverhogingen}: raise the colour to red, with a reason. */
    @ApiResponse(
            responseCode = "201",
            description = "Verhoogd; het adres met zijn nieuwe kleur",
            useReturnTypeSchema = true)
    @PostMapping("/api/v1/adressen/{id}/kleurverhogingen")
    ResponseEntity<AdresResource> raise(@PathVariable String id, @Valid @RequestBody Kleurverhoging raise) {
        AddressId addressId = AddressId.parse(id);
        Address address =
                register.change(addressId, "adres.kleur.verhogen").orElseThrow(AddressApiController::notFound);
        colours.raise(addressId, StatedReason.of(raise.reden()), currentProfessional.require());
        return ResponseEntity.status(HttpStatus.CREATED).body(resource(address));
    }

    /** Why a professional raises the colour of an address. */
    record Kleurverhoging(@NotBlank String reden) {}

    /**
     * Every role that may find an address sees its colour; why, as far as its role may see it
     * ({@link ColourExplanation}): Veilig Thuis every rule and every record that counted (ids only, never their
     * content), everyone else the rules and records of their own organisation and the names of the others.
     */
    private AdresResource resource(Address address) {
        Professional professional = currentProfessional.require();
        AdresKleur kleur = colours.stored(address.id())
                .map(stored -> {
                    ColourExplanation why = colours.explain(address.id(), stored, professional);
                    return new AdresKleur(
                            stored.colour().name(),
                            stored.computedColour().name(),
                            stored.rulesVersion(),
                            why.decidingRule() == null
                                    ? null
                                    : why.decidingRule().name(),
                            why.rules().stream().map(Enum::name).toList(),
                            stored.countedRecordIds().size(),
                            why.countedRecordIds(),
                            why.complete() ? null : why.ownRecordIds(),
                            why.complete() ? null : why.otherOrganisations(),
                            stored.computedAt());
                })
                .orElse(null);
        return AdresResource.of(
                address,
                kleur,
                markers.stream().flatMap(m -> m.marksOf(address.id()).stream()).toList());
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(
                HttpStatus.NOT_FOUND, "Dit adres staat niet in het adresregister (of valt buiten uw werkgebied).");
    }

    /** What identifies an address in a search. */
    record AdresZoekvraag(
            @NotBlank String postcode,
            @NotNull Integer huisnummer,
            @Nullable String huisletter,
            @Nullable String toevoeging) {}

    /** An address as the API shows it. */
    @Schema(name = "Adres")
    record AdresResource(
            String id,
            @Nullable String nummeraanduidingId,
            String postcode,
            int huisnummer,
            @Nullable String huisletter,
            @Nullable String toevoeging,
            String weergave,
            String straat,
            String woonplaats,
            String gemeenteCode,
            @Nullable String wijkCode,
            @Nullable String buurtCode,
            @Nullable Short indelingsjaar,
            boolean synthetisch,
            @Nullable AdresKleur kleur,

            @Schema(description = "Markeringen naast de kleur, zoals het aantal herhalingen in 12 maanden")
            List<AdresMarkering> markeringen) {

        static AdresResource of(Address address, @Nullable AdresKleur kleur) {
            return of(address, kleur, List.of());
        }

        static AdresResource of(Address address, @Nullable AdresKleur kleur, List<AddressMarkers.Mark> marks) {
            HouseNumber number = address.houseNumber();
            return new AdresResource(
                    address.id().toString(),
                    address.nummeraanduidingId(),
                    address.postcode().value(),
                    number.number(),
                    number.letter(),
                    number.addition(),
                    address.straat() + " " + number,
                    address.straat(),
                    address.woonplaats(),
                    address.gemeenteCode(),
                    address.wijkCode(),
                    address.buurtCode(),
                    address.areaYear(),
                    address.synthetic(),
                    kleur,
                    marks.stream()
                            .map(m -> new AdresMarkering(m.kind(), m.value(), m.rulesVersion()))
                            .toList());
        }
    }

    /** A mark beside the colour, e.g. {@code herhalingen}: the repeats within 12 months over every agency's records. */
    @Schema(name = "AdresMarkering")
    record AdresMarkering(String soort, int waarde, String regels) {}

    /**
     * The colour of an address and why: absent while nothing is recorded there. Outside Veilig Thuis the deciding
     * rule is given only when the caller's own organisation's contributions fire it, the rules are those they fire,
     * and another organisation appears only by name in {@code andereOrganisaties}.
     */
    record AdresKleur(
            String kleur,
            String berekendeKleur,
            String regelsVersie,
            @Nullable String beslissendeRegel,
            List<String> gevuurdeRegels,
            int aantalMeegeteld,
            @Nullable List<String> meegeteldeRegistraties,
            @Nullable List<String> eigenRegistraties,
            @Nullable List<String> andereOrganisaties,
            OffsetDateTime berekendOp) {}
}
