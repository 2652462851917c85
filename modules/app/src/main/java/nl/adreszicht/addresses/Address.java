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

/** An address of the register. Written only by the import (and the demo data), read by everyone allowed. */
@Entity
@Table(name = "address")
class Address {

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

    AddressId id() {
        return new AddressId(id);
    }

    Postcode postcode() {
        return new Postcode(postcode);
    }

    HouseNumber houseNumber() {
        return new HouseNumber(huisnummer, huisletter, toevoeging);
    }

    @Nullable
    String nummeraanduidingId() {
        return nummeraanduidingId;
    }

    String straat() {
        return straat;
    }

    String woonplaats() {
        return woonplaats;
    }

    String gemeenteCode() {
        return gemeenteCode;
    }

    @Nullable
    String wijkCode() {
        return wijkCode;
    }

    @Nullable
    String buurtCode() {
        return buurtCode;
    }

    @Nullable
    Short areaYear() {
        return areaYear;
    }

    boolean synthetic() {
        return synthetic;
    }
}
