package nl.adreszicht.codelists;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The violence type code list, as Liquibase loaded it (the application may only read it).
 *
 * <p>Read once per instance and then kept: only Liquibase writes the list, and it runs before an instance serves, so
 * the list cannot change under a running instance except in a rolling deployment that brings a new one, when the
 * instances of the old version keep the list their code was written for until they are replaced. Every area scan,
 * code-list request and registration read it again before (issue 18: 15 % of the country scan's waits).
 */
@Repository
class ViolenceTypes {

    private static final String COLUMNS =
            "SELECT code, label_nl, label_en, group_code, sort_order, valid_from, valid_until FROM violence_type";

    private final JdbcClient jdbc;
    private volatile @Nullable List<ViolenceType> loaded;

    ViolenceTypes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every violence type, in list order. */
    List<ViolenceType> inOrder() {
        List<ViolenceType> all = loaded;
        if (all == null) {
            // Two first calls at once both read it: the same rows, so either may stay.
            all = List.copyOf(jdbc.sql(COLUMNS + " ORDER BY sort_order")
                    .query(ViolenceType.class)
                    .list());
            loaded = all;
        }
        return all;
    }

    Optional<ViolenceType> find(String code) {
        return inOrder().stream().filter(type -> type.code().equals(code)).findFirst();
    }

    /** Which of {@code codes} are on the list (in any validity period). */
    Set<String> known(Collection<String> codes) {
        Set<String> onTheList = inOrder().stream().map(ViolenceType::code).collect(Collectors.toUnmodifiableSet());
        return codes.stream().filter(onTheList::contains).collect(Collectors.toUnmodifiableSet());
    }
}
