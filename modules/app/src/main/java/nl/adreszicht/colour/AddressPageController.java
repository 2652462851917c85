package nl.adreszicht.colour;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.adreszicht.addresses.Address;
import nl.adreszicht.addresses.AddressRegister;
import nl.adreszicht.addresses.HouseNumber;
import nl.adreszicht.addresses.Postcode;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.records.InvalidValuesException;
import nl.adreszicht.records.PageController;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The address page: find an address (a POST form, so the address never appears in a URL or a proxy log) and see
 * its colour and the rules behind it.
 */
@PageController
class AddressPageController {

    private final AddressRegister register;
    private final AddressColours colours;
    private final CurrentProfessional currentProfessional;
    private final List<AddressMarkers> markers;

    AddressPageController(
            AddressRegister register,
            AddressColours colours,
            CurrentProfessional currentProfessional,
            List<AddressMarkers> markers) {
        this.markers = markers;
        this.register = register;
        this.colours = colours;
        this.currentProfessional = currentProfessional;
    }

    /** The search form, bound as a record: text fields, so that bad input can be shown back as typed. */
    record AdresZoekFormulier(
            @Nullable String postcode,
            @Nullable String huisnummer,
            @Nullable String huisletter,
            @Nullable String toevoeging) {}

    @GetMapping("/adressen")
    String form(Model model) {
        model.addAttribute("form", new AdresZoekFormulier(null, null, null, null));
        return "adressen";
    }

    @PostMapping("/adressen")
    String search(@ModelAttribute AdresZoekFormulier form, Model model) {
        model.addAttribute("form", form);
        Map<String, String> errors = new LinkedHashMap<>();
        InvalidValuesException.Collector invalid = new InvalidValuesException.Collector();
        Postcode postcode = invalid.collect(() -> Postcode.parse(form.postcode() == null ? "" : form.postcode()));
        HouseNumber number = invalid.collect(
                () -> HouseNumber.of(houseNumber(form.huisnummer()), form.huisletter(), form.toevoeging()));
        try {
            invalid.throwIfAny();
        } catch (InvalidValuesException e) {
            e.errors().forEach(error -> errors.putIfAbsent(error.field(), error.messageKey()));
            model.addAttribute("errors", errors);
            return "adressen";
        }
        Optional<Address> found = register.find(postcode, number, "adressen.pagina.zoeken");
        model.addAttribute("searched", true);
        found.ifPresent(address -> card(address, model));
        return "adressen";
    }

    /** One address by its opaque id: where a registration lands, to show the colour it now has and why. */
    @GetMapping("/adressen/{id}")
    String address(@PathVariable String id, Model model) {
        model.addAttribute("form", new AdresZoekFormulier(null, null, null, null));
        model.addAttribute("searched", true);
        AddressId addressId;
        try {
            addressId = AddressId.parse(id);
        } catch (InvalidValueException e) {
            return "adressen";
        }
        register.read(addressId, "adres.pagina").ifPresent(address -> card(address, model));
        return "adressen";
    }

    private void card(Address address, Model model) {
        model.addAttribute("address", AddressApiController.AdresResource.of(address, null));
        model.addAttribute(
                "marks",
                markers.stream().flatMap(m -> m.marksOf(address.id()).stream()).toList());
        colours.stored(address.id()).ifPresent(colour -> {
            model.addAttribute("colour", colour);
            model.addAttribute("explanation", colours.explain(address.id(), colour, currentProfessional.require()));
        });
        model.addAttribute("canRegister", currentProfessional.require().has(Role.POLITIE_MEDEWERKER));
        model.addAttribute("canRecordMunicipal", currentProfessional.require().has(Role.GEMEENTE_MEDEWERKER));
        model.addAttribute(
                "canViewHistory",
                currentProfessional.require().has(Role.VT_MEDEWERKER)
                        || currentProfessional.require().has(Role.VT_SUPERVISOR));
    }

    private static int houseNumber(@Nullable String text) {
        try {
            return Integer.parseInt(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidValueException("huisnummer", "validation.huisnummer.format");
        }
    }
}
