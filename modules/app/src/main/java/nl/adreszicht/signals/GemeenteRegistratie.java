package nl.adreszicht.signals;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/v1/gemeenteregistraties}. Every component may be missing here:
 * {@link MunicipalRecordCheck} reports each missing or wrong field at once, including fields that belong to the
 * other kind of record.
 */
@Schema(description = "Een signaal van het lokaal team of een tijdelijk huisverbod, geregistreerd door de gemeente.")
record GemeenteRegistratie(
        @Schema(
                description = "Het registratienummer in het systeem van de gemeente; uniek per organisatie",
                pattern = "^[A-Za-z0-9/-]{1,40}$",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable
        String registratienummer,

        @Schema(
                allowableValues = {"signaal", "huisverbod"},
                requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable
        String soort,

        @Schema(
                description = "Het id van het adres in het adresregister; het adres ligt in uw eigen gemeente",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable
        String adresId,

        @Schema(
                description = "Signaal: de dag van het signaal. Huisverbod: de dag waarop het is opgelegd. Niet in de"
                        + " toekomst.",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable
        LocalDate datum,

        @Schema(description = "Alleen bij een signaal, en dan verplicht: codes uit /api/v1/geweldsvormen") @Nullable
        List<@Nullable String> geweldsvormen,

        @Schema(
                description = "Alleen bij een signaal, en dan verplicht",
                allowableValues = {"S1", "S2", "S3"})
        @Nullable
        String ernst,

        @Schema(description = "Alleen bij een signaal, en dan verplicht") @Nullable
        Boolean kinderenAanwezig,

        @Schema(
                description = "Alleen bij een huisverbod: de laatste dag. Standaard tien dagen na de datum; na"
                        + " verlenging hoogstens 28 dagen na de datum.")
        @Nullable
        LocalDate einddatum,

        @Schema(description = "Alleen bij een huisverbod, en dan verplicht: is het huisverbod overtreden") @Nullable
        Boolean overtreden,

        @Schema(
                description = "Alleen bij een overtreden huisverbod, en dan verplicht: de dag van de overtreding,"
                        + " binnen de looptijd en niet in de toekomst")
        @Nullable
        LocalDate overtredenOp,

        @Schema(description = "Korte toelichting", maxLength = 1000) @Nullable
        String toelichting) {}
