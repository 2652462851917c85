package nl.adreszicht.incidents;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.Severity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Persistable;

/** A police incident at an address. Created once from a validated registration, never bound to a request. */
@Entity
@Table(name = "incident")
class Incident implements Persistable<UUID> {

    @Id
    private UUID id;

    private String organisation;

    @Column(name = "registration_number")
    private String registrationNumber;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    @Column(name = "occurred_zone")
    private String occurredZone;

    @Column(name = "address_id")
    private UUID addressId;

    @JdbcTypeCode(SqlTypes.CHAR)
    private String severity;

    @Column(name = "children_present")
    private boolean childrenPresent;

    private boolean injury;
    private boolean weapon;

    @Column(name = "alcohol_drugs")
    private boolean alcoholDrugs;

    private boolean aangifte;

    @Column(name = "huisverbod_imposed")
    private boolean huisverbodImposed;

    @Column(name = "huisverbod_broken")
    private boolean huisverbodBroken;

    /** Whether a zorgmelding was sent to Veilig Thuis; set by the zorgmelding, not by the registration. */
    private boolean zorgmelding;

    private @Nullable String summary;

    @Column(name = "content_hash")
    @JdbcTypeCode(SqlTypes.CHAR)
    private String contentHash;

    @Column(name = "registered_by")
    private String registeredBy;

    @Column(name = "registered_at")
    private Instant registeredAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "incident_violence_type", joinColumns = @JoinColumn(name = "incident_id"))
    @Column(name = "code")
    private Set<String> violenceTypes = new TreeSet<>();

    @OneToMany(mappedBy = "incident", cascade = jakarta.persistence.CascadeType.ALL, fetch = FetchType.EAGER)
    @OrderBy("position")
    private List<IncidentPerson> persons = new ArrayList<>();

    @Transient
    private boolean isNew;

    protected Incident() {
        // for JPA
        this.id = new UUID(0, 0);
        this.organisation = "";
        this.registrationNumber = "";
        this.occurredAt = Instant.EPOCH;
        this.occurredZone = "";
        this.addressId = new UUID(0, 0);
        this.severity = "";
        this.contentHash = "";
        this.registeredBy = "";
        this.registeredAt = Instant.EPOCH;
    }

    /** A new incident from a validated registration, by a professional of {@code organisation}. */
    static Incident register(NewIncident registration, String organisation, String registeredBy, Instant now) {
        Incident incident = new Incident();
        incident.isNew = true;
        incident.id = UUID.randomUUID();
        incident.organisation = organisation;
        incident.registrationNumber = registration.registrationNumber();
        incident.occurredAt = registration.occurredAt();
        incident.occurredZone = registration.zone().getId();
        incident.addressId = registration.address().value();
        incident.severity = registration.severity().name();
        incident.childrenPresent = registration.childrenPresent();
        incident.injury = registration.injury();
        incident.weapon = registration.weapon();
        incident.alcoholDrugs = registration.alcoholDrugs();
        incident.aangifte = registration.aangifte();
        incident.huisverbodImposed = registration.huisverbodImposed();
        incident.huisverbodBroken = registration.huisverbodBroken();
        incident.summary = registration.summary();
        incident.contentHash = registration.contentHash();
        incident.registeredBy = registeredBy;
        incident.registeredAt = now;
        incident.violenceTypes.addAll(registration.violenceTypes());
        List<NewIncident.Person> persons = registration.persons();
        for (int i = 0; i < persons.size(); i++) {
            incident.persons.add(new IncidentPerson(incident, i, persons.get(i)));
        }
        return incident;
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

    ZonedDateTime occurred() {
        return occurredAt.atZone(ZoneId.of(occurredZone));
    }

    AddressId address() {
        return new AddressId(addressId);
    }

    Severity severity() {
        return Severity.valueOf(severity);
    }

    boolean childrenPresent() {
        return childrenPresent;
    }

    boolean injury() {
        return injury;
    }

    boolean weapon() {
        return weapon;
    }

    boolean alcoholDrugs() {
        return alcoholDrugs;
    }

    boolean aangifte() {
        return aangifte;
    }

    boolean huisverbodImposed() {
        return huisverbodImposed;
    }

    boolean huisverbodBroken() {
        return huisverbodBroken;
    }

    boolean zorgmelding() {
        return zorgmelding;
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

    List<IncidentPerson> persons() {
        return List.copyOf(persons);
    }
}
