package nl.adreszicht.retention;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a person may see of a record in an inzage export (AVG art. 15, Wmo 2015 art. 5.3.2), version 1: of a record of
 * an organisation the privacy officer acts for, its content and the person's own details; everyone else in it only by
 * role, their details blacked out; the melder not even by name (the melder's identity stays protected). Of a record
 * of another organisation, only that it exists, who to ask and when; its content blacked out. Plain rules, tested
 * without Spring.
 */
final class InzageRedaction {

    /** What a blacked-out value shows, in the export and the PDF. */
    static final String BLACKED_OUT = "[afgeschermd]";

    static final String VERSION = "v1";

    private InzageRedaction() {}

    /** A record as the person may see it (the export's JSON, so Dutch names). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "InzageRegistratie")
    record Shown(
            String bron,
            String registratieId,
            @Nullable String organisatie,
            java.time.OffsetDateTime vastgelegdOp,
            String titel,
            boolean eigenOrganisatie,
            List<Veld> velden,
            List<Persoon> betrokkenen) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "InzageVeld")
    record Veld(String label, String waarde) {}

    /** A person in the record; {@code verzoeker} marks the person the inzage is about. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "InzagePersoon")
    record Persoon(String rol, String naam, java.time.@Nullable LocalDate geboortedatum, boolean verzoeker) {}

    static Shown redact(SubjectRecord record, Set<String> actsFor) {
        boolean own = record.organisation() != null && actsFor.contains(record.organisation());
        if (!own) {
            return new Shown(
                    sourceCode(record),
                    record.recordId(),
                    record.organisation(),
                    record.recordedAt(),
                    "Registratie van een andere organisatie",
                    false,
                    List.of(new Veld(
                            "Inhoud",
                            BLACKED_OUT + " Deze gegevens zijn van " + record.organisation()
                                    + "; de betrokkene kan ze bij die organisatie opvragen.")),
                    List.of());
        }
        List<Persoon> parties = record.parties().stream()
                .map(party -> party.subject()
                        ? new Persoon(party.role(), party.name(), party.birthDate(), true)
                        : new Persoon(
                                "melder".equals(party.role()) ? BLACKED_OUT : party.role(), BLACKED_OUT, null, false))
                .toList();
        return new Shown(
                sourceCode(record),
                record.recordId(),
                record.organisation(),
                record.recordedAt(),
                record.title(),
                true,
                record.fields().stream()
                        .map(field -> new Veld(field.label(), field.value()))
                        .toList(),
                parties);
    }

    static String sourceCode(SubjectRecord record) {
        return record.source().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
