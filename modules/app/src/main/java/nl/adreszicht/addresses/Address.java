package nl.adreszicht.addresses;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import nl.adreszicht.records.AddressId;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * An address of the register, as {@link AddressRegister} hands it out to a module that shows it (the address card of the
 * colour code). Written only by the import (and the demo data), read by everyone allowed; it has no setters.
 */
@Entity
@Table(name = "address")
public class Address {

    @Id
    private UUID id;

    // Fixed-width codes are char(n) in the schema, checked there for their exact format.
    @Column(name = "nummeraanduiding_id")
    @JdbcTypeCode(SqlTypes.CHAR)
    private @Nullable String nummeraanduidingId;

    @JdbcTypeCode(SqlTypes.CHAR)
    private String postcode;

    private int huisnummer;

    @JdbcTypeCode(SqlTypes.CHAR)
    private @Nullable String huisletter;

    private @Nullable String toevoeging;
    private String straat;
    private String woonplaats;

    @Column(name = "gemeente_code")
    @JdbcTypeCode(SqlTypes.CHAR)
    private String gemeenteCode;

    @Column(name = "wijk_code")
    @JdbcTypeCode(SqlTypes.CHAR)
    private @Nullable String wijkCode;

    @Column(name = "buurt_code")
    @JdbcTypeCode(SqlTypes.CHAR)
    private @Nullable String buurtCode;

    @Column(name = "area_year")
    private @Nullable Short areaYear;

    private boolean synthetic;

    protected Address() {
        // for JPA
        this.id = new UUID(0, 0);
        this.postcode = "";
        this.straat = "";
        this.woonplaats = "";
        this.gemeenteCode = "";
    }

    public AddressId id() {
        return new AddressId(id);
    }

    public Postcode postcode() {
        return new Postcode(postcode);
    }

    public HouseNumber houseNumber() {
        return new HouseNumber(huisnummer, huisletter, toevoeging);
    }

    @Nullable
    public String nummeraanduidingId() {
        return nummeraanduidingId;
    }

    public String straat() {
        return straat;
    }

    public String woonplaats() {
        return woonplaats;
    }

    public String gemeenteCode() {
        return gemeenteCode;
    }

    @Nullable
    public String wijkCode() {
        return wijkCode;
    }

    @Nullable
    public String buurtCode() {
        return buurtCode;
    }

    @Nullable
    public Short areaYear() {
        return areaYear;
    }

    public boolean synthetic() {
        return synthetic;
    }
}
