package nl.adreszicht.casusoverleg;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.adreszicht.areascan.ProtectedCount;
import nl.adreszicht.records.IfMatch;
import org.jspecify.annotations.Nullable;

/**
 * What the casusoverleg's API sends and receives, in Dutch as the API speaks it. Every request component may be
 * missing here: the checks report each missing or wrong field at once.
 */
final class CaseResources {

    private CaseResources() {}

    @Schema(name = "NieuweAanmelding", description = "Een huishouden (adres) aanmelden voor het casusoverleg.")
    record NieuweAanmelding(
            @Schema(
                    description = "Het id van het adres in het adresregister",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @Nullable
            String adresId,

            @Schema(
                    description = "Waarom u dit huishouden aanmeldt (10 tot 1000 tekens)",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @Nullable
            String reden) {}

    @Schema(name = "Triagebesluit", description = "Het besluit van de procesregisseur over een aanmelding.")
    record Triagebesluit(
            @Schema(
                    allowableValues = {"accepteren", "afwijzen"},
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @Nullable
            String besluit,

            @Schema(description = "Bij accepteren: de organisaties (codes) die worden uitgenodigd") @Nullable
            List<@Nullable String> partners,

            @Schema(description = "Bij afwijzen: de reden die de aanmelder ziet (10 tot 500 tekens)") @Nullable
            String reden) {}

    @Schema(name = "Aanmelding", description = "Een aanmelding of voorstel en wat de triage besloot.")
    record Aanmelding(
            UUID id,
            String nummer,

            @Schema(allowableValues = {"aangemeld", "afgewezen", "lopend", "gesloten"})
            String status,

            @Schema(allowableValues = {"aanmelding", "voorstel"})
            String herkomst,

            @Schema(description = "Bij een voorstel: de regel die het deed") @Nullable
            String voorstelregel,

            String zorgEnVeiligheidshuis,
            String gemeenteCode,
            String adresId,
            String reden,

            @Schema(description = "De organisatie die aanmeldde; leeg bij een voorstel") @Nullable
            String aangemeldDoor,

            OffsetDateTime aangemeldOp,
            @Nullable OffsetDateTime beoordeeldOp,
            @Nullable String afwijzingsreden,
            List<String> uitgenodigd) {

        static Aanmelding of(CaseStore.CaseRow c) {
            return new Aanmelding(
                    c.id(),
                    c.number(),
                    c.status().code(),
                    c.origin(),
                    c.proposalRule(),
                    c.zvhRegion(),
                    c.gemeente(),
                    c.address().toString(),
                    c.reason(),
                    c.referredByOrganisation(),
                    c.referredAt(),
                    c.triagedAt(),
                    c.declineReason(),
                    c.partners());
        }
    }

    @Schema(name = "Regisseur", description = "De organisatie en professional die de aanpak leidt.")
    record Regisseur(String organisatie, @Nullable String naam) {}

    @Schema(name = "Casusoverzicht", description = "Een casus in een lijst.")
    record Casusoverzicht(
            UUID id,
            String nummer,

            @Schema(allowableValues = {"lopend", "gesloten"})
            String status,

            String gemeenteCode,
            @Nullable String adres,
            @Nullable Regisseur regisseur,
            @Nullable LocalDate herbeoordelingsdatum,
            boolean nieuweRegistratie,
            @Nullable LocalDate geslotenOp,
            @Nullable String uitkomst) {}

    @Schema(
            name = "Besluit",
            description = "Wat een overleg over de casus besloot, en het risico zoals de tafel het zag.")
    record Besluit(
            UUID overlegId,
            LocalDate overlegdatum,

            @Schema(description = "Wat er besproken is; alleen voor de procesregisseur") @Nullable
            String besproken,

            @Nullable String besluiten,

            @Schema(allowableValues = {"laag", "midden", "hoog"}) @Nullable
            String risico) {}

    @Schema(name = "Afsluiting", description = "Hoe een casus eindigde.")
    record Afsluiting(
            @Schema(allowableValues = {"veiligheid-bereikt", "overgedragen", "gestopt"}) @Nullable
            String uitkomst,

            @Schema(description = "Bij overgedragen: de organisatie (code)") @Nullable
            String overgedragenAan,

            @Schema(description = "Bij gestopt: de reden (10 tot 500 tekens)") @Nullable
            String reden) {}

    @Schema(name = "Casus", description = "Een casus van het casusoverleg, zoals u die mag zien.")
    record Casus(
            UUID id,
            String nummer,
            String status,
            String zorgEnVeiligheidshuis,
            String gemeenteCode,
            String adresId,
            @Nullable String adres,
            List<String> uitgenodigd,
            @Nullable Regisseur regisseur,
            @Nullable LocalDate herbeoordelingsdatum,

            @Schema(description = "Sinds wanneer er een nieuwe registratie op het adres is, niet besproken") @Nullable
            OffsetDateTime nieuweRegistratieSinds,

            List<Besluit> besluiten,
            @Nullable Afsluiting afsluiting,

            @Schema(description = "Waarom het huishouden werd aangemeld; alleen voor de procesregisseur") @Nullable
            String aanmeldreden) {}

    @Schema(name = "Doel", description = "Een doel van het plan van aanpak: eerst veiligheid, dan herstel.")
    record Doel(
            @Schema(allowableValues = {"veiligheid", "herstel"}) @Nullable
            String soort,

            @Schema(maxLength = 500) @Nullable String omschrijving) {}

    @Schema(name = "Actie", description = "Een actie van het plan van aanpak.")
    record Actie(
            UUID id,
            UUID casusId,
            String omschrijving,

            @Schema(description = "De organisatie die de actie uitvoert (code)")
            String eigenaar,

            LocalDate deadline,

            @Schema(allowableValues = {"open", "gestart", "gereed", "vervallen"})
            String status,

            @Nullable String toelichting,
            boolean verlopen,
            @Nullable OffsetDateTime gewijzigdOp,

            // An action has no GET of its own: the plan, the action lists and every answer carry its ETag.
            @Schema(description = "ETag van deze versie: stuur hem als If-Match mee bij een statuswijziging")
            String etag) {

        static Actie of(CaseStore.ActionRow a, LocalDate today) {
            return new Actie(
                    a.id(),
                    a.caseId(),
                    a.description(),
                    a.owner(),
                    a.deadline(),
                    a.status().code(),
                    a.note(),
                    a.overdue(today),
                    a.statusChangedAt(),
                    IfMatch.etag(a.revision()));
        }
    }

    @Schema(name = "PlanVanAanpak", description = "Het plan van aanpak van een huishouden, zoals u het mag zien.")
    record PlanVanAanpak(
            UUID casusId,
            List<Doel> doelen,
            @Nullable Regisseur regisseur,
            @Nullable LocalDate herbeoordelingsdatum,

            @Schema(
                    description =
                            "De acties: alle voor de procesregisseur en de regisseur, anders die van uw organisatie")
            List<Actie> acties) {}

    @Schema(name = "PlanVanAanpakVastleggen", description = "Het plan van aanpak vastleggen of bijwerken.")
    record PlanVanAanpakVastleggen(
            @Schema(description = "Ten minste één doel voor de veiligheid; hoogstens 12") @Nullable
            List<@Nullable Doel> doelen,

            @Schema(description = "De organisatie van de regisseur: een uitgenodigde organisatie (code)") @Nullable
            String regisseurOrganisatie,

            @Schema(description = "De professional die de aanpak leidt", maxLength = 200) @Nullable
            String regisseurNaam,

            @Schema(description = "Vandaag tot twaalf maanden vooruit") @Nullable
            LocalDate herbeoordelingsdatum) {}

    @Schema(name = "NieuweActie", description = "Een actie toevoegen aan het plan van aanpak.")
    record NieuweActie(
            @Schema(maxLength = 500, requiredMode = Schema.RequiredMode.REQUIRED) @Nullable
            String omschrijving,

            @Schema(
                    description = "De organisatie die de actie uitvoert: een uitgenodigde organisatie (code)",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @Nullable
            String eigenaar,

            @Schema(description = "Vandaag of later", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable
            LocalDate deadline) {}

    @Schema(name = "Statuswijziging", description = "De nieuwe status van een actie, met een korte toelichting.")
    record Statuswijziging(
            @Schema(
                    allowableValues = {"open", "gestart", "gereed", "vervallen"},
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @Nullable
            String status,

            @Schema(description = "Hoogstens 500 tekens; bij vervallen verplicht: de reden (ten minste 10 tekens)")
            @Nullable
            String toelichting) {}

    @Schema(name = "ActieInCasus", description = "Een actie met de casus waar zij bij hoort.")
    record ActieInCasus(
            Actie actie, String casusnummer, @Nullable String adres) {}

    @Schema(name = "MijnActies", description = "De acties van uw organisatie, en als regisseur de verlopen acties.")
    record MijnActies(List<ActieInCasus> eigen, List<ActieInCasus> verlopenAlsRegisseur) {}

    @Schema(
            name = "CasusOpAdres",
            description = "Dat er een casus op het adres is, met status, regisseur en herbeoordeling.")
    record CasusOpAdres(
            UUID id,
            String nummer,
            String status,
            String zorgEnVeiligheidshuis,
            @Nullable String regisseurOrganisatie,
            @Nullable LocalDate herbeoordelingsdatum,
            @Nullable LocalDate geslotenOp,
            @Nullable String uitkomst,

            @Schema(description = "Of u de casus zelf mag openen")
            boolean inzien) {}

    @Schema(name = "NieuwOverleg", description = "Een overleg plannen.")
    record NieuwOverleg(
            @Schema(description = "Vandaag of later", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable
            LocalDate datum,

            @Schema(description = "uu:mm", example = "09:30", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable
            String aanvang,

            @Schema(description = "De gemeenten (codes) van uw regio die het overleg bespreekt") @Nullable
            List<@Nullable String> gemeenten,

            @Schema(description = "Lopende casussen van die gemeenten die ook op de agenda moeten") @Nullable
            List<@Nullable String> casussen) {}

    @Schema(name = "Overlegmoment", description = "Een overleg in een lijst.")
    record Overlegmoment(
            UUID id, LocalDate datum, LocalTime aanvang, String zorgEnVeiligheidshuis, List<String> gemeenten) {}

    @Schema(name = "Verslag", description = "Wat het overleg over de casus vastlegde.")
    record Verslag(
            @Nullable String besproken,
            @Nullable String besluiten,
            @Nullable String risico,
            @Nullable OffsetDateTime vastgelegdOp) {}

    @Schema(name = "Agendapunt", description = "Een casus op de agenda.")
    record Agendapunt(
            UUID casusId,
            String casusnummer,
            @Nullable String adres,

            @Schema(allowableValues = {"nieuw", "open-acties", "nieuwe-registratie", "herbeoordeling"})
            String reden,

            @Schema(description = "Er kwam een nieuwe registratie op het adres sinds de casus besproken werd")
            boolean nieuweRegistratie,

            List<Actie> openActies,
            @Nullable Verslag verslag,

            // An agenda item has no GET of its own: the meeting and the minutes' answer carry its ETag.
            @Schema(
                    description =
                            "ETag van dit agendapunt: stuur hem als If-Match mee bij het vastleggen van het verslag")
            String etag) {}

    @Schema(name = "Aanwezige", description = "Wie de geheimhoudingsverklaring accepteerde.")
    record Aanwezige(String naam, @Nullable String organisatie, OffsetDateTime geaccepteerdOp) {}

    @Schema(
            name = "Overleg",
            description = "Een overleg zoals u het mag zien; de casussen pas na de geheimhoudingsverklaring.")
    record Overleg(
            UUID id,
            LocalDate datum,
            LocalTime aanvang,
            String zorgEnVeiligheidshuis,
            List<String> gemeenten,
            boolean geheimhoudingGeaccepteerd,

            @Schema(description = "Hoeveel casussen van de agenda u mag zien")
            int aantalCasussen,

            List<Agendapunt> agenda,
            List<Aanwezige> aanwezigen) {}

    @Schema(name = "Overlegverslag", description = "Het verslag van één casus in een overleg.")
    record Overlegverslag(
            @Schema(description = "Wat er besproken is, kort (hoogstens 2000 tekens)") @Nullable
            String besproken,

            @Schema(description = "De besluiten (hoogstens 2000 tekens)") @Nullable
            String besluiten,

            @Schema(allowableValues = {"laag", "midden", "hoog"}) @Nullable
            String risico) {}

    @Schema(name = "Casusoverlegcijfers", description = "Het casusoverleg in cijfers, na onthullingscontrole.")
    record Casusoverlegcijfers(
            String gemeenteCode,
            int jaar,
            ProtectedCount aangemeld,
            ProtectedCount geaccepteerd,
            ProtectedCount afgewezen,
            ProtectedCount gesloten,
            Map<String, ProtectedCount> geslotenPerUitkomst,
            String onthullingscontrole) {}
}
