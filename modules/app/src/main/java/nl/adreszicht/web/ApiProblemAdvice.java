package nl.adreszicht.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.records.InvalidValuesException;
import nl.adreszicht.records.ReadLimitExceededException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import tools.jackson.databind.DatabindException;

/**
 * Turns every exception on an {@code /api/v1} request into {@code application/problem+json}: Spring's own
 * errors (404, 405, 415, 400 …) keep their status, access denied becomes 403, and anything unexpected a 500
 * whose detail reveals nothing. UI requests are handed back untouched to the HTML error pages, and an unreachable
 * database to {@link ServiceUnavailableFilter} (503).
 */
@ControllerAdvice
class ApiProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

    /** The API speaks Dutch, whatever the caller's Accept-Language. */
    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    private final MessageSource messages;

    ApiProblemAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handle(Exception exception, HttpServletRequest request) throws Exception {
        if (!ApiRequests.isApi(request) || ServiceUnavailableFilter.answers(exception)) {
            // Rethrowing the same exception lets the next resolver and the HTML error page handle it; an unreachable
            // database is answered 503 with Retry-After by ServiceUnavailableFilter, without a stack trace.
            throw exception;
        }
        ProblemDetail problem = problemFor(exception);
        List<Map<String, String>> invalidParams = invalidParams(exception);
        if (!invalidParams.isEmpty()) {
            problem.setDetail("De invoer bevat fouten; zie invalidParams.");
            problem.setProperty("invalidParams", invalidParams);
        }
        problem.setInstance(URI.create(request.getRequestURI()));
        ResponseEntity.BodyBuilder response =
                ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (exception instanceof ErrorResponse error) {
            response.headers(error.getHeaders());
        }
        if (exception instanceof ReadLimitExceededException exceeded) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(exceeded.retryAfterSeconds()));
        }
        return response.body(problem);
    }

    /** Per-field errors (NL API Design Rules): name, code and a readable Dutch reason for each. */
    private List<Map<String, String>> invalidParams(Exception exception) {
        List<Map<String, String>> params = new ArrayList<>();
        if (exception instanceof InvalidValueException invalid) {
            params.add(param(invalid));
        } else if (exception instanceof InvalidValuesException invalid) {
            invalid.errors().forEach(error -> params.add(param(error)));
        } else if (exception instanceof HttpMessageNotReadableException unreadable
                && unreadable.getCause() instanceof DatabindException wrongType
                && !wrongType.getPath().isEmpty()) {
            String field = wrongType.getPath().stream()
                    .map(reference -> reference.getPropertyName() != null
                            ? reference.getPropertyName()
                            : String.valueOf(reference.getIndex()))
                    .collect(Collectors.joining("."));
            params.add(param(field, "type", messages.getMessage("validation.type", null, DUTCH)));
        } else if (exception instanceof MethodArgumentNotValidException invalid) {
            for (FieldError error : invalid.getBindingResult().getFieldErrors()) {
                params.add(param(error.getField(), error.getCode(), messages.getMessage(error, DUTCH)));
            }
        }
        return params;
    }

    private Map<String, String> param(InvalidValueException invalid) {
        return param(invalid.field(), invalid.messageKey(), messages.getMessage(invalid.messageKey(), null, DUTCH));
    }

    private static Map<String, String> param(String name, @Nullable String code, String reason) {
        Map<String, String> param = new LinkedHashMap<>();
        param.put("name", name);
        param.put("code", code == null ? "invalid" : code);
        param.put("reason", reason);
        return param;
    }

    private static ProblemDetail problemFor(Exception exception) {
        if (exception instanceof ErrorResponse error) {
            return error.getBody();
        }
        HttpStatus domain = DomainExceptions.statusOf(exception);
        if (domain != null) {
            // A domain exception's message is written for the professional, in Dutch, and names no personal data.
            return ProblemDetail.forStatusAndDetail(domain, exception.getMessage());
        }
        if (exception instanceof InvalidValueException || exception instanceof InvalidValuesException) {
            return ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        }
        if (exception instanceof HttpMessageNotReadableException) {
            return ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST, "De inhoud van het verzoek is geen geldige JSON voor dit endpoint.");
        }
        if (exception instanceof TypeMismatchException) {
            return ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST, "Een parameter heeft een ongeldige waarde.");
        }
        if (exception instanceof AccessDeniedException) {
            return ProblemDetail.forStatusAndDetail(
                    HttpStatus.FORBIDDEN, "Uw rol of werkgebied geeft geen toegang tot deze gegevens.");
        }
        if (exception instanceof AuthenticationException) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Niet aangemeld.");
        }
        log.error("Unexpected error on an API request", exception);
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "Er ging iets mis aan onze kant. Probeer het later opnieuw.");
    }
}
