package nl.adreszicht.signals;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A municipal record as the API shows it to its own organisation; fields of the other kind are null. */
@Schema(name = "GemeentelijkeRegistratie")
record MunicipalRecordResource(
        String id,
        String registratienummer,
        @Schema(allowableValues = {"signaal", "huisverbod"}) String soort,
        String adresId,
        String gemeente,

        @Schema(description = "Signaal: de dag van het signaal. Huisverbod: de dag waarop het is opgelegd.")
        LocalDate datum,

        List<String> geweldsvormen,

        @Schema(allowableValues = {"S1", "S2", "S3"}) @Nullable
        String ernst,

        @Nullable Boolean kinderenAanwezig,
        @Nullable LocalDate einddatum,
        @Nullable Boolean overtreden,
        @Nullable LocalDate overtredenOp,
        @Nullable String toelichting,
        Instant geregistreerdOp,

        @Schema(
                description = "Bewaartermijn: de registratie wordt tot en met deze datum bewaard en daarna"
                        + " verwijderd (leeg als ze niet is ingepland)")
        @Nullable
        LocalDate bewaartermijnTot) {

    static MunicipalRecordResource of(MunicipalRecord record, @Nullable LocalDate keptUntil) {
        return new MunicipalRecordResource(
                record.id().toString(),
                record.registrationNumber(),
                record.kind().code(),
                record.address().toString(),
                record.gemeenteCode(),
                record.date(),
                List.copyOf(record.violenceTypes()),
                record.severity() == null ? null : record.severity().name(),
                record.childrenPresent(),
                record.huisverbodEndsOn(),
                record.huisverbodBroken(),
                record.huisverbodBrokenOn(),
                record.summary(),
                record.registeredAt(),
                keptUntil);
    }
}
