package nl.adreszicht.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The UI filter chain: who reaches which page, with the production role mapping applied to the ID token's
 * claims exactly as {@link SecurityConfiguration#allowListedRoles()} does after a real login.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WebSecurityTest {

    @Autowired
    MockMvc mvc;

    @Test
    void anonymousVisitorsAreSentToTheKeycloakLogin() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", endsWith("/oauth2/authorization/keycloak")));
    }

    @Test
    void onlyHealthAndStaticAssetsAreOpenToAnonymousVisitors() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/css/adreszicht.css")).andExpect(status().isOk());
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        mvc.perform(get("/actuator/info")).andExpect(status().isFound());
        mvc.perform(get("/actuator/env")).andExpect(status().isFound());
    }

    @Test
    void actuatorInfoIsForTheBeheerderAndNothingElseIsExposed() throws Exception {
        mvc.perform(get("/actuator/info").with(loggedIn("beheerder"))).andExpect(status().isOk());
        mvc.perform(get("/actuator/info").with(loggedIn("vt-medewerker"))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/env").with(loggedIn("beheerder"))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/beans").with(loggedIn("beheerder"))).andExpect(status().isForbidden());
    }

    @Test
    void theStartPageShowsTheRoleAndScopeInDutch() throws Exception {
        mvc.perform(get("/").with(loggedIn("vt-medewerker", "organisatie", "veilig-thuis-drenthe", "vt_regio", "VT03")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("lang=\"nl\"")))
                .andExpect(content().string(containsString("Medewerker Veilig Thuis")))
                // The organisation's name from the reference data, never its code.
                .andExpect(content().string(containsString("Veilig Thuis Drenthe")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("veilig-thuis-drenthe"))))
                .andExpect(content().string(containsString("VT03")))
                .andExpect(content().string(containsString("Naar de inhoud")));
    }

    @Test
    void englishIsTheSecondLanguage() throws Exception {
        mvc.perform(get("/").param("lang", "en").with(loggedIn("gemeente-analist", "gemeente", "GM0118")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("lang=\"en\"")))
                .andExpect(content().string(containsString("Municipal policy analyst")))
                .andExpect(content().string(containsString("GM0118")));
    }

    /** The readable Dutch error page itself needs a servlet container: LoginBrowserIT checks it. */
    @Test
    void aLoginWithoutAnAdreszichtRoleIsRefused() throws Exception {
        mvc.perform(get("/").with(loggedIn(null))).andExpect(status().isForbidden());
    }

    /**
     * A path no row names does not exist (404, issue 12: it was a 403 that read like a missing role); a known page
     * with a method no row names, and the framework's own paths, stay refused.
     */
    @Test
    void anUnknownPathIsNotFoundAndEveryOtherRouteIsDeniedByDefault() throws Exception {
        mvc.perform(get("/admin").with(loggedIn("beheerder"))).andExpect(status().isNotFound());
        mvc.perform(get("/h2-console").with(loggedIn("beheerder"))).andExpect(status().isNotFound());
        mvc.perform(get("/admin")).andExpect(status().isFound());
        mvc.perform(post("/help").with(loggedIn("beheerder")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/error").with(loggedIn("beheerder"))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/env").with(loggedIn("beheerder"))).andExpect(status().isForbidden());
    }

    @Test
    void pagesCarryTheSecurityHeaders() throws Exception {
        mvc.perform(get("/").with(loggedIn("vt-medewerker")))
                .andExpect(header().string(
                                "Content-Security-Policy",
                                containsString("default-src 'self'; script-src 'self'; style-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(
                        header().string("Content-Security-Policy", endsWith("form-action 'self' http://127.0.0.1:9")))
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(header().doesNotExist("Strict-Transport-Security"));
    }

    @Test
    void overTlsBrowsersAreToldToStayOnTls() throws Exception {
        mvc.perform(get("/").secure(true).with(loggedIn("vt-medewerker")))
                .andExpect(header().string("Strict-Transport-Security", containsString("max-age=")));
    }

    @Test
    void apiResponsesMayLoadNothingAndBeFramedNowhere() throws Exception {
        mvc.perform(get("/api/v1/openapi.json"))
                .andExpect(header().string("Content-Security-Policy", SecurityConfiguration.API_CSP))
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(header().string("Cache-Control", containsString("no-store")));
    }

    @Test
    void logoutNeedsTheCsrfToken() throws Exception {
        mvc.perform(post("/logout").with(loggedIn("politie-medewerker"))).andExpect(status().isForbidden());
    }

    /** A logged-in session as the OIDC login leaves it; {@code realmRole} null means no Adreszicht role. */
    static OidcLoginRequestPostProcessor loggedIn(String realmRole, String... scopeClaims) {
        Map<String, Object> realmAccess =
                Map.of("roles", realmRole == null ? List.of("offline_access") : List.of("offline_access", realmRole));
        return oidcLogin()
                .idToken(token -> {
                    token.subject("3f1c").claim("name", "Demo Gebruiker").claim("realm_access", realmAccess);
                    for (int i = 0; i + 1 < scopeClaims.length; i += 2) {
                        token.claim(scopeClaims[i], scopeClaims[i + 1]);
                    }
                })
                .authorities(RoleMapping.authoritiesFrom(Map.of("realm_access", realmAccess)));
    }
}
