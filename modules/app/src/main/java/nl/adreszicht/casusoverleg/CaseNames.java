package nl.adreszicht.casusoverleg;

import nl.adreszicht.codelists.Organisations;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The names people read on the casusoverleg's pages, never codes: organisations, gemeenten and houses. Used by the
 * templates as {@code @caseNames}.
 */
@Component("caseNames")
class CaseNames {

    private final Organisations organisations;
    private final ZvhRegions regions;

    CaseNames(Organisations organisations, ZvhRegions regions) {
        this.organisations = organisations;
        this.regions = regions;
    }

    public String organisation(@Nullable String code) {
        return code == null ? "–" : organisations.displayName(code);
    }

    public String gemeente(String code) {
        return regions.gemeenteName(code);
    }

    public String house(String region) {
        return regions.nameOf(region).orElse(region);
    }
}
