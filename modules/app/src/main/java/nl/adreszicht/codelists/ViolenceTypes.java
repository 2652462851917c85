package nl.adreszicht.codelists;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The violence type code list, as Liquibase loaded it (the application may only read it). */
@Repository
class ViolenceTypes {

    private static final String COLUMNS =
            "SELECT code, label_nl, label_en, group_code, sort_order, valid_from, valid_until FROM violence_type";

    private final JdbcClient jdbc;

    ViolenceTypes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every violence type, in list order. */
    List<ViolenceType> inOrder() {
        return jdbc.sql(COLUMNS + " ORDER BY sort_order")
                .query(ViolenceType.class)
                .list();
    }

    Optional<ViolenceType> find(String code) {
        return jdbc.sql(COLUMNS + " WHERE code = ?")
                .param(code)
                .query(ViolenceType.class)
                .optional();
    }

    /** Which of {@code codes} are on the list (in any validity period): one statement for all of them. */
    Set<String> known(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("SELECT code FROM violence_type WHERE code = ANY (?)")
                .param(codes.toArray(String[]::new))
                .query(String.class)
                .list());
    }
}
