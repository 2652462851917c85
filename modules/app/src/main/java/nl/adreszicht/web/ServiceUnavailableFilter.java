package nl.adreszicht.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import nl.adreszicht.operations.DatabaseFaults;
import nl.adreszicht.operations.ThrottledLog;
import nl.adreszicht.security.IdentityProviderUnavailableException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer when a service Adreszicht depends on cannot be reached: 503 with {@code Retry-After}, as problem
 * details on {@code /api/v1} and as a Dutch page (English with the language cookie) in the UI, instead of a 500 with
 * a stack trace after the pool's or Keycloak's full timeout. It wraps everything else, the session and security
 * filters included, because those reach PostgreSQL (the session) and Keycloak (the login) before any controller.
 * The page is rendered on its own, without the layout, the session or the database.
 */
final class ServiceUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ServiceUnavailableFilter.class);

    /** What could not be reached. */
    enum Dependency {
        IDENTITY_PROVIDER(
                "inloggen",
                "De identiteitsdienst (Keycloak) is tijdelijk niet bereikbaar; probeer het over"
                        + " enkele seconden opnieuw."),
        DATABASE("database", "De database is tijdelijk niet bereikbaar; probeer het over enkele seconden opnieuw.");

        final String page;
        final String detail;

        Dependency(String page, String detail) {
            this.page = page;
            this.detail = detail;
        }
    }

    private final ITemplateEngine templates;
    private final LocaleResolver locales;
    private final JsonMapper json;
    private final ThrottledLog databaseLog = new ThrottledLog(log);

    ServiceUnavailableFilter(ITemplateEngine templates, LocaleResolver locales, JsonMapper json) {
        this.templates = templates;
        this.locales = locales;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException failure) {
            Duration retryAfter = retryAfter(failure);
            if (retryAfter == null || response.isCommitted()) {
                throw failure;
            }
            Dependency dependency =
                    failure instanceof IdentityProviderUnavailableException || hasIdentityProviderCause(failure)
                            ? Dependency.IDENTITY_PROVIDER
                            : Dependency.DATABASE;
            if (dependency == Dependency.DATABASE) {
                databaseLog.warn(
                        "database",
                        "PostgreSQL is unreachable: requests are answered 503 with Retry-After {} s",
                        retryAfter.toSeconds());
            }
            answer(request, response, dependency, retryAfter);
        }
    }

    /** When the caller may try again, or null when the failure is not an unreachable dependency. */
    static @Nullable Duration retryAfter(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof IdentityProviderUnavailableException keycloak) {
                return keycloak.retryAfter();
            }
        }
        return DatabaseFaults.isUnreachable(failure) ? DatabaseFaults.RETRY_AFTER : null;
    }

    private static boolean hasIdentityProviderCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof IdentityProviderUnavailableException) {
                return true;
            }
        }
        return false;
    }

    private void answer(
            HttpServletRequest request, HttpServletResponse response, Dependency dependency, Duration retryAfter)
            throws IOException {
        response.resetBuffer();
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (ApiRequests.isApi(request)) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase());
            problem.put("status", HttpStatus.SERVICE_UNAVAILABLE.value());
            problem.put("detail", dependency.detail);
            problem.put("instance", request.getRequestURI());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        Locale locale = locales.resolveLocale(request);
        Context context = new Context(locale, Map.of("reason", dependency.page, "retryAfter", retryAfter.toSeconds()));
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.getWriter().write(templates.process("onbeschikbaar", context));
    }

    @Configuration
    static class Registration {
        @Bean
        FilterRegistrationBean<ServiceUnavailableFilter> serviceUnavailableFilter(
                ITemplateEngine templates, LocaleResolver localeResolver, JsonMapper json) {
            FilterRegistrationBean<ServiceUnavailableFilter> registration =
                    new FilterRegistrationBean<>(new ServiceUnavailableFilter(templates, localeResolver, json));
            // Right after the API-Version header and around everything else (Spring Session's filter included).
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }
    }
}
