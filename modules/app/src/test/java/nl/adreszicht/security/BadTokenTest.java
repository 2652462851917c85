package nl.adreszicht.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Forged, stale and misdirected tokens against the real {@code /api/v1} decoder: discovery, JWKS, signature
 * and claim checks exactly as in production, with a stand-in issuer serving the keys. The valid token is
 * accepted first, so every refusal below is the decoder's doing and not a broken harness.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BadTokenTest {

    private static final String RESOURCE = "/api/v1/geweldsvormen";

    private static final StandInIssuer ISSUER = StandInIssuer.start();

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void pointAtTheStandInIssuer(DynamicPropertyRegistry registry) {
        registry.add("adreszicht.oidc.issuer-uri", ISSUER::issuer);
    }

    @AfterAll
    static void stopTheStandInIssuer() {
        ISSUER.close();
    }

    @Test
    void aValidAccessTokenReadsTheCodeList() throws Exception {
        call(signed(ISSUER.key(), validHeader(), validClaims()))
                .andExpect(status().isOk())
                .andExpect(header().string("API-Version", "1.0.0"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        Instant anHourAgo = Instant.now().minusSeconds(3600);
        String token = signed(
                ISSUER.key(),
                validHeader(),
                claims(c -> c.issueTime(Date.from(anHourAgo.minusSeconds(300))).expirationTime(Date.from(anHourAgo))));
        expectProblem(call(token), 401);
    }

    @Test
    void aTokenThatIsNotYetValidIsRefused() throws Exception {
        String token = signed(
                ISSUER.key(),
                validHeader(),
                claims(c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(3600)))));
        expectProblem(call(token), 401);
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() throws Exception {
        String token = signed(
                ISSUER.key(),
                validHeader(),
                claims(c -> c.issuer(ISSUER.issuer().replace("/test", "/other"))));
        expectProblem(call(token), 401);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        String token = signed(ISSUER.key(), validHeader(), claims(c -> c.audience(List.of("account", "other-api"))));
        expectProblem(call(token), 401);
    }

    @Test
    void anUnsignedTokenWithAlgNoneIsRefused() throws Exception {
        String token = new PlainJWT(validClaims()).serialize();
        assertThat(token).endsWith(".");
        expectProblem(call(token), 401);
    }

    @Test
    void anHs256TokenKeyedWithThePublicRsaKeyIsRefused() throws Exception {
        byte[] publicKeyAsSecret = ISSUER.key().toRSAPublicKey().getEncoded();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .keyID(StandInIssuer.KEY_ID)
                        .type(JOSEObjectType.JWT)
                        .build(),
                validClaims());
        jwt.sign(new MACSigner(publicKeyAsSecret));
        expectProblem(call(jwt.serialize()), 401);
    }

    @Test
    void aTokenWhosePayloadWasAlteredAfterSigningIsRefused() throws Exception {
        String[] parts = signed(ISSUER.key(), validHeader(), validClaims()).split("\\.");
        JWTClaimsSet elevated = claims(c -> c.claim("realm_access", Map.of("roles", List.of("beheerder"))));
        String alteredPayload = Base64URL.encode(elevated.toString().getBytes(StandardCharsets.UTF_8))
                .toString();
        expectProblem(call(parts[0] + "." + alteredPayload + "." + parts[2]), 401);
    }

    @Test
    void aVerifiedTokenAlteredAfterItWasAcceptedIsRefused() throws Exception {
        // Accepted tokens are kept as verified (VerifiedTokens): the forgery of one must not ride on it.
        String token = signed(ISSUER.key(), validHeader(), validClaims());
        call(token).andExpect(status().isOk());
        call(token).andExpect(status().isOk());
        String[] parts = token.split("\\.");
        JWTClaimsSet elevated = claims(c -> c.claim("realm_access", Map.of("roles", List.of("beheerder"))));
        String alteredPayload = Base64URL.encode(elevated.toString().getBytes(StandardCharsets.UTF_8))
                .toString();
        expectProblem(call(parts[0] + "." + alteredPayload + "." + parts[2]), 401);
        // the first character: all six of its bits are the signature's (the last one's low bits are padding)
        String otherSignature = (parts[2].charAt(0) == 'A' ? "B" : "A") + parts[2].substring(1);
        expectProblem(call(parts[0] + "." + parts[1] + "." + otherSignature), 401);
        call(token).andExpect(status().isOk());
    }

    @Test
    void aTokenSignedByAnotherKeyWithTheSameKeyIdIsRefused() throws Exception {
        RSAKey impostor = StandInIssuer.generateKey(StandInIssuer.KEY_ID);
        expectProblem(call(signed(impostor, validHeader(), validClaims())), 401);
    }

    @Test
    void aTokenSignedByAnUnknownKeyIdIsRefused() throws Exception {
        RSAKey unknown = StandInIssuer.generateKey("unknown");
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID("unknown")
                .type(JOSEObjectType.JWT)
                .build();
        expectProblem(call(signed(unknown, header, validClaims())), 401);
    }

    @Test
    void aJkuHeaderPointingAtAnAttackersKeysIsIgnoredAndTheTokenRefused() throws Exception {
        RSAKey attacker = StandInIssuer.generateKey("attacker");
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID("attacker")
                .type(JOSEObjectType.JWT)
                .jwkURL(URI.create("http://127.0.0.1:1/attacker-jwks"))
                .build();
        expectProblem(call(signed(attacker, header, validClaims())), 401);
    }

    @Test
    void anIdTokenUsedAsBearerTokenIsRefused() throws Exception {
        String token = signed(
                ISSUER.key(),
                validHeader(),
                claims(c -> c.claim("typ", "ID").audience("adreszicht-web").claim("azp", "adreszicht-web")));
        expectProblem(call(token), 401);
    }

    @Test
    void aValidTokenWithoutRealmRolesIsForbidden() throws Exception {
        String token = signed(ISSUER.key(), validHeader(), claims(c -> c.claim("realm_access", null)));
        expectProblem(call(token), 403);
    }

    @Test
    void aValidTokenInAHeaderOfAnotherFormIsRefusedAsMalformed() throws Exception {
        String token = signed(ISSUER.key(), validHeader(), validClaims());
        mvc.perform(get(RESOURCE).header(HttpHeaders.AUTHORIZATION, "bearer " + token))
                .andExpect(status().isOk());
        for (String header :
                List.of("Bearer  " + token, "Bearer " + token + " x", "Bearer " + token + "=a", "Bearer")) {
            expectProblem(mvc.perform(get(RESOURCE).header(HttpHeaders.AUTHORIZATION, header)), 401);
        }
    }

    @Test
    void aValidTokenAsAQueryParameterIsNotRead() throws Exception {
        String token = signed(ISSUER.key(), validHeader(), validClaims());
        mvc.perform(get(RESOURCE).queryParam("access_token", token))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
    }

    private ResultActions call(String token) throws Exception {
        return mvc.perform(get(RESOURCE).header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }

    private static void expectProblem(ResultActions result, int expectedStatus) throws Exception {
        MvcResult response = result.andReturn();
        assertThat(response.getResponse().getStatus())
                .as("never a server error")
                .isLessThan(500);
        result.andExpect(status().is(expectedStatus))
                .andExpect(header().string("API-Version", "1.0.0"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(expectedStatus));
        if (expectedStatus == 401) {
            result.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""));
        }
    }

    private static JWSHeader validHeader() {
        return new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(StandInIssuer.KEY_ID)
                .type(JOSEObjectType.JWT)
                .build();
    }

    private static JWTClaimsSet validClaims() {
        return claims(c -> c);
    }

    /** A Keycloak-like access token for a politie-medewerker, changed by {@code change}. */
    private static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(ISSUER.issuer())
                .subject("3f1c9a52-7d1e-4b8a-9c0e-1a2b3c4d5e6f")
                .audience(List.of("adreszicht-api", "account"))
                .claim("typ", "Bearer")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("realm_access", Map.of("roles", List.of("politie-medewerker")))
                .claim("organisatie", "politie-noord-nederland");
        return change.apply(builder).build();
    }

    private static String signed(RSAKey key, JWSHeader header, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
