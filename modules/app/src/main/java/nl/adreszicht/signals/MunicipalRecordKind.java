package nl.adreszicht.signals;

import java.util.Arrays;
import java.util.Optional;
import nl.adreszicht.records.RecordSource;

/** What a municipal record is: the code is what the API, the form and the database say. */
enum MunicipalRecordKind {
    /** A signal of domestic violence recorded by the lokaal (wijk)team. */
    SIGNAAL("signaal"),
    /** A tijdelijk huisverbod imposed by the burgemeester. */
    HUISVERBOD("huisverbod");

    private final String code;

    MunicipalRecordKind(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    /** Where records of this kind come from: a signaal and a huisverbod count and expire as sources of their own. */
    RecordSource source() {
        return this == SIGNAAL ? RecordSource.GEMEENTE_SIGNAAL : RecordSource.HUISVERBOD;
    }

    static Optional<MunicipalRecordKind> fromCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
    }
}
