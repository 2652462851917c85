package nl.adreszicht.security;

import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * One row of the permission matrix: who may call one endpoint or page, how far their scope reaches, and
 * whether it touches personal data (then every use and every refusal is written to the access log).
 *
 * @param action the action's name, e.g. {@code toegangslog.zoeken}; also the access log's action
 * @param method the HTTP method
 * @param path the path exactly as its request mapping declares it, e.g. {@code /api/v1/geweldsvormen/{code}}
 * @param roles who may; empty with {@link #anonymous()} for public endpoints, empty otherwise for none
 * @param scope how far the permission reaches
 * @param personalData whether the endpoint reads or writes personal data
 * @param anonymous whether it is open without login (only the login flow, assets, health, the OpenAPI document)
 */
public record Permission(
        String action,
        HttpMethod method,
        String path,
        Set<Role> roles,
        Scope scope,
        boolean personalData,
        boolean anonymous) {

    public Permission {
        roles = Set.copyOf(roles);
        if (anonymous && (!roles.isEmpty() || personalData)) {
            throw new IllegalArgumentException(action + ": an anonymous endpoint names no roles and no personal data");
        }
    }

    public boolean isApi() {
        return path.startsWith("/api/v1/");
    }

    public boolean allows(Role role) {
        return roles.contains(role);
    }

    String[] roleNames() {
        return roles.stream().map(Role::roleName).sorted().toArray(String[]::new);
    }
}
