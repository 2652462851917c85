package nl.adreszicht.codelists;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** One violence type (geweldsvorm) of the shared code list. */
@Entity
@Table(name = "violence_type")
class ViolenceType {

    @Id
    private String code;

    @Column(name = "label_nl")
    private String labelNl;

    @Column(name = "label_en")
    private String labelEn;

    /** The group a subtype belongs to, e.g. {@code kindermishandeling}; null for a top-level type. */
    @Column(name = "group_code")
    private @Nullable String groupCode;

    @Column(name = "sort_order")
    private int sortOrder;

    @Column(name = "valid_from")
    private LocalDate validFrom;

    @Column(name = "valid_until")
    private @Nullable LocalDate validUntil;

    protected ViolenceType() {
        // for JPA
        this.code = "";
        this.labelNl = "";
        this.labelEn = "";
        this.validFrom = LocalDate.MIN;
    }

    String code() {
        return code;
    }

    String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? labelEn : labelNl;
    }

    @Nullable
    String groupCode() {
        return groupCode;
    }

    boolean isValidOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validUntil == null || date.isBefore(validUntil));
    }
}
