package nl.adreszicht.signals;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.Severity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Persistable;

/**
 * A signaal or a tijdelijk huisverbod recorded by the municipality at an address. Created once from a validated
 * registration, never bound to a request.
 */
@Entity
@Table(name = "municipal_record")
class MunicipalRecord implements Persistable<UUID> {

    @Id
    private UUID id;

    private String organisation;

    @Column(name = "gemeente_code")
    @JdbcTypeCode(SqlTypes.CHAR)
    private String gemeenteCode;

    @Column(name = "registration_number")
    private String registrationNumber;

    private String kind;

    @Column(name = "address_id")
    private UUID addressId;

    @Column(name = "occurred_on")
    private LocalDate occurredOn;

    @JdbcTypeCode(SqlTypes.CHAR)
    private @Nullable String severity;

    @Column(name = "children_present")
    private @Nullable Boolean childrenPresent;

    @Column(name = "huisverbod_ends_on")
    private @Nullable LocalDate huisverbodEndsOn;

    @Column(name = "huisverbod_broken")
    private @Nullable Boolean huisverbodBroken;

    @Column(name = "huisverbod_broken_on")
    private @Nullable LocalDate huisverbodBrokenOn;

    private @Nullable String summary;

    @Column(name = "content_hash")
    @JdbcTypeCode(SqlTypes.CHAR)
    private String contentHash;

    @Column(name = "registered_by")
    private String registeredBy;

    @Column(name = "registered_at")
    private Instant registeredAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "municipal_record_violence_type", joinColumns = @JoinColumn(name = "record_id"))
    @Column(name = "code")
    private Set<String> violenceTypes = new TreeSet<>();

    @Transient
    private boolean isNew;

    protected MunicipalRecord() {
        // for JPA
        this.id = new UUID(0, 0);
        this.organisation = "";
        this.gemeenteCode = "";
        this.registrationNumber = "";
        this.kind = "";
        this.addressId = new UUID(0, 0);
        this.occurredOn = LocalDate.EPOCH;
        this.contentHash = "";
        this.registeredBy = "";
        this.registeredAt = Instant.EPOCH;
    }

    /** A new record from a validated registration, by a professional of {@code organisation}. */
    static MunicipalRecord register(
            NewMunicipalRecord registration, String organisation, String registeredBy, Instant now) {
        MunicipalRecord record = new MunicipalRecord();
        record.isNew = true;
        record.id = UUID.randomUUID();
        record.organisation = organisation;
        record.gemeenteCode = registration.gemeente();
        record.registrationNumber = registration.registrationNumber();
        record.kind = registration.kind().code();
        record.addressId = registration.address().value();
        record.occurredOn = registration.date();
        record.severity =
                registration.severity() == null ? null : registration.severity().name();
        record.childrenPresent = registration.childrenPresent();
        record.huisverbodEndsOn = registration.huisverbodEndsOn();
        record.huisverbodBroken = registration.huisverbodBroken();
        record.huisverbodBrokenOn = registration.huisverbodBrokenOn();
        record.summary = registration.summary();
        record.contentHash = registration.contentHash();
        record.registeredBy = registeredBy;
        record.registeredAt = now;
        record.violenceTypes.addAll(registration.violenceTypes());
        return record;
    }

    @PostLoad
    @PostPersist
    void stored() {
        isNew = false;
    }

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    UUID id() {
        return id;
    }

    String organisation() {
        return organisation;
    }

    String registrationNumber() {
        return registrationNumber;
    }

    MunicipalRecordKind kind() {
        return MunicipalRecordKind.fromCode(kind).orElseThrow();
    }

    AddressId address() {
        return new AddressId(addressId);
    }

    String gemeenteCode() {
        return gemeenteCode;
    }

    LocalDate date() {
        return occurredOn;
    }

    @Nullable
    Severity severity() {
        return severity == null ? null : Severity.valueOf(severity);
    }

    @Nullable
    Boolean childrenPresent() {
        return childrenPresent;
    }

    @Nullable
    LocalDate huisverbodEndsOn() {
        return huisverbodEndsOn;
    }

    @Nullable
    Boolean huisverbodBroken() {
        return huisverbodBroken;
    }

    @Nullable
    LocalDate huisverbodBrokenOn() {
        return huisverbodBrokenOn;
    }

    @Nullable
    String summary() {
        return summary;
    }

    String contentHash() {
        return contentHash;
    }

    Instant registeredAt() {
        return registeredAt;
    }

    Set<String> violenceTypes() {
        return new TreeSet<>(violenceTypes);
    }
}
