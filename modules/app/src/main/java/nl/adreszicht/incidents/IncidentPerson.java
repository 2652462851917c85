package nl.adreszicht.incidents;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import nl.adreszicht.persons.Bsn;
import nl.adreszicht.persons.PersonKeys;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** A betrokkene of one incident: the role belongs to this incident, never to the person overall. */
@Entity
@Table(name = "incident_person")
class IncidentPerson {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "incident_id")
    private @Nullable Incident incident;

    /** The order in which the registration listed the persons. */
    private short position;

    private String role;

    private @Nullable String relation;

    private String name;

    @Column(name = "birth_date")
    private @Nullable LocalDate birthDate;

    @JdbcTypeCode(SqlTypes.CHAR)
    private @Nullable String bsn;

    protected IncidentPerson() {
        // for JPA
        this.id = new UUID(0, 0);
        this.role = "";
        this.name = "";
    }

    IncidentPerson(Incident incident, int position, NewIncident.Person person) {
        this.id = UUID.randomUUID();
        this.incident = incident;
        this.position = (short) position;
        this.role = person.role();
        this.relation = person.relation();
        this.name = person.name();
        this.birthDate = person.birthDate();
        this.bsn = person.bsn() == null ? null : person.bsn().value();
    }

    UUID id() {
        return id;
    }

    String role() {
        return role;
    }

    @Nullable
    String relation() {
        return relation;
    }

    String name() {
        return name;
    }

    @Nullable
    LocalDate birthDate() {
        return birthDate;
    }

    /** Only the last three digits, e.g. {@code ******123}: enough to tell persons apart, not to identify one. */
    @Nullable
    String maskedBsn() {
        return bsn == null ? null : "******" + bsn.substring(6);
    }

    /** The opaque key that recognises this person in another organisation's record of the same event. */
    String personKey() {
        return bsn != null ? PersonKeys.of(new Bsn(bsn)) : PersonKeys.of(name, birthDate);
    }
}
