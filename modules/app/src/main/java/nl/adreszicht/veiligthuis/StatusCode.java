package nl.adreszicht.veiligthuis;

import java.util.Arrays;
import java.util.Optional;

/**
 * The terugkoppeling status codes of Veilig Thuis (domain.md section 3, after VNG Realisatie's "JZV Meldingen"):
 * the outcome of a veiligheidsbeoordeling or of the end of Veilig Thuis's involvement, and the only thing about
 * VT's work a police melder ever sees.
 */
enum StatusCode {
    VT_00("VT-00", "niet ontvankelijk"),
    VT_01_01("VT-01-01", "vervolg blijft bij Veilig Thuis"),
    VT_01_02("VT-01-02", "overgedragen"),
    VT_01_03("VT-01-03", "geen vervolg nodig"),
    VT_01_04("VT-01-04", "regionale maatwerkaanpak"),
    VT_02("VT-02", "overdracht"),
    VT_03("VT-03", "afgesloten zonder overdracht"),
    VT_99("VT-99", "verkeerde ontvanger");

    private final String code;
    private final String description;

    StatusCode(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** The code as sent and stored, e.g. {@code VT-01-01}. */
    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    /** Whether Veilig Thuis itself goes on after a beoordeling with this outcome (onderzoek, RvdK, monitoring). */
    boolean vtContinues() {
        return this == VT_01_01 || this == VT_01_04;
    }

    /** Whether this code ends the involvement (the outcome of an einde bemoeienis). */
    boolean closing() {
        return this == VT_02 || this == VT_03;
    }

    static Optional<StatusCode> of(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
