package nl.adreszicht.web;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.adreszicht.records.IfMatch;
import nl.adreszicht.records.InvalidValueException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves a handler's {@link IfMatch} parameter from the {@code If-Match} header: a change of an existing resource on
 * the API must say which revision it changes from (428 Precondition Required without it, RFC 6585), in the ETag the
 * resource's GET answered; {@code *} accepts any revision. A page handler never declares the parameter.
 */
final class IfMatchResolver implements HandlerMethodArgumentResolver {

    /** One entity tag: strong or weak ({@code W/}), quoted digits; weak tags compare by value (RFC 9110 8.8.3.2). */
    private static final Pattern TAG = Pattern.compile("\\s*(?:W/)?\"(\\d{1,18})\"\\s*");

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == IfMatch.class;
    }

    @Override
    public IfMatch resolveArgument(
            MethodParameter parameter,
            @Nullable ModelAndViewContainer container,
            NativeWebRequest request,
            @Nullable WebDataBinderFactory binders) {
        String[] headers = request.getHeaderValues(HttpHeaders.IF_MATCH);
        if (headers == null || headers.length == 0) {
            throw preconditionRequired();
        }
        return parse(String.join(",", headers));
    }

    static IfMatch parse(String header) {
        if (header.isBlank()) {
            throw preconditionRequired();
        }
        if (header.strip().equals("*")) {
            return IfMatch.ANY;
        }
        Set<Long> revisions = new HashSet<>();
        for (String tag : header.split(",", -1)) {
            Matcher matcher = TAG.matcher(tag);
            if (!matcher.matches()) {
                throw new InvalidValueException(HttpHeaders.IF_MATCH, "validation.ifMatch.format");
            }
            revisions.add(Long.parseLong(matcher.group(1)));
        }
        return IfMatch.revisions(revisions);
    }

    private static ErrorResponseException preconditionRequired() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.PRECONDITION_REQUIRED,
                "Deze wijziging vraagt een If-Match-header met de ETag van de versie die u wijzigt. Lees de gegevens"
                        + " (GET), en stuur hun ETag mee.");
        return new ErrorResponseException(HttpStatus.PRECONDITION_REQUIRED, problem, null);
    }
}
