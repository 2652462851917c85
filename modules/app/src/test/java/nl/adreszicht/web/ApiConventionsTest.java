package nl.adreszicht.web;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.adreszicht.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The conventions every {@code /api/v1} response keeps: the {@code API-Version} header, and errors as
 * {@code application/problem+json}, whether a security filter or Spring MVC produced them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiConventionsTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theOpenApiDocumentIsPublic() throws Exception {
        mvc.perform(get("/api/v1/openapi.json"))
                .andExpect(status().isOk())
                .andExpect(header().string("API-Version", "1.0.0"))
                .andExpect(jsonPath("$.paths['/geweldsvormen']").exists())
                .andExpect(jsonPath("$.info.title").value("Adreszicht API"));
    }

    @Test
    void withoutATokenTheAnswerIs401AsProblem() throws Exception {
        expectProblem(mvc.perform(get("/api/v1/profiel")), 401)
                .andExpect(header().string("WWW-Authenticate", "Bearer"));
    }

    @Test
    void aRoleWithoutNeedToKnowGets403AsProblem() throws Exception {
        expectProblem(mvc.perform(get("/api/v1/geweldsvormen").with(token(Role.PRIVACY_OFFICER))), 403);
        expectProblem(mvc.perform(get("/api/v1/geweldsvormen").with(token(Role.GEMEENTE_ANALIST))), 403);
    }

    @Test
    void aTokenWithoutRealmRolesGets403() throws Exception {
        expectProblem(mvc.perform(get("/api/v1/profiel").with(jwt())), 403);
    }

    @Test
    void aReaderGetsTheCodeList() throws Exception {
        mvc.perform(get("/api/v1/geweldsvormen").with(token(Role.POLITIE_MEDEWERKER)))
                .andExpect(status().isOk())
                .andExpect(header().string("API-Version", "1.0.0"))
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$", hasSize(14)))
                .andExpect(jsonPath("$[0].code").value("partnergeweld"))
                .andExpect(jsonPath("$[0].omschrijving").value("Partnergeweld"));
    }

    @Test
    void anUnknownCodeIs404AsProblem() throws Exception {
        expectProblem(mvc.perform(get("/api/v1/geweldsvormen/bestaat-niet").with(token(Role.VT_MEDEWERKER))), 404);
    }

    /**
     * A method the matrix does not name on a known path is refused by the filter chain, before any handler (issue
     * 10: the dispatcher's 405 came after a route rule that let any authenticated caller through), as a problem.
     */
    @Test
    void aMethodTheMatrixDoesNotNameIsRefusedBeforeAnyHandler() throws Exception {
        expectProblem(mvc.perform(post("/api/v1/geweldsvormen").with(token(Role.BEHEERDER))), 403);
        expectProblem(mvc.perform(delete("/api/v1/profiel").with(token(Role.BEHEERDER))), 403);
        expectProblem(mvc.perform(delete("/api/v1/profiel")), 401);
    }

    /** A path no row names does not exist: 404 as a problem with a token (issue 12), 401 without one. */
    @Test
    void anUnknownApiPathIsNotFoundForACallerWithAToken() throws Exception {
        expectProblem(mvc.perform(get("/api/v1/adressen").with(token(Role.VT_SUPERVISOR))), 404);
        expectProblem(mvc.perform(get("/api/v1/bestaat-niet").with(token(Role.BEHEERDER))), 404);
        expectProblem(mvc.perform(get("/api/v1/adressen")), 401);
    }

    @Test
    void theProfileShowsScopeButNoName() throws Exception {
        mvc.perform(get("/api/v1/profiel")
                        .with(token(Role.GEMEENTE_ANALIST)
                                .jwt(j -> j.claim("gemeente", "GM0118")
                                        .claim("name", "Anna Analist")
                                        .claim("realm_access", Map.of("roles", List.of("gemeente-analist"))))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rollen[0]").value("gemeente-analist"))
                .andExpect(jsonPath("$.gemeente").value("GM0118"))
                .andExpect(jsonPath("$.name").doesNotExist())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Anna"))));
    }

    private static ResultActions expectProblem(ResultActions result, int status) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(header().string("API-Version", "1.0.0"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").isNotEmpty());
    }

    private static JwtRequestPostProcessor token(Role... roles) {
        return jwt().authorities(List.of(roles).stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .collect(Collectors.toList()));
    }
}
