package nl.adreszicht.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.adreszicht.idempotency.IdempotencyKey;
import nl.adreszicht.records.IfMatch;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * The OpenAPI 3 document at {@code /api/v1/openapi.json}, shaped by the NL API Design Rules: the server URL carries
 * the major version and the paths are relative to it, every success response declares the {@code API-Version}
 * header the {@link ApiVersionFilter} sets, and every operation declares the problem responses it can give: 400
 * where its input can be invalid, 401 and 403 from the security filters. The build lints this document with
 * Spectral (see the app module's pom and docs/architecture.md).
 */
@Configuration
class OpenApiConfiguration {

    /** The base of every API path; the document's server URL. */
    static final String BASE = "/api/v1";

    private static final String PROBLEM = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "Probleem";
    private static final String VERSION_HEADER = ApiVersionFilter.HEADER;

    @Bean
    OpenAPI adreszichtOpenApi(ApiContactProperties contact) {
        return new OpenAPI()
                .info(new Info()
                        .title("Adreszicht API")
                        .version(ApiVersionFilter.VERSION)
                        .description("Huiselijk geweld en kindermishandeling per adres in beeld. Alle endpoints"
                                + " vereisen een Keycloak-toegangstoken met audience adreszicht-api.")
                        .contact(new Contact()
                                .name(contact.name())
                                .email(contact.email())
                                .url(contact.url()))
                        .license(new License().name("EUPL-1.2")))
                .servers(List.of(new Server().url(BASE).description("Adreszicht API, versie 1")));
    }

    static {
        // An IfMatch parameter is the If-Match header (IfMatchResolver), declared by ifMatchHeader, not a query object.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(IfMatch.class);
    }

    /**
     * A change that takes an {@link IfMatch} declares the header it requires, the ETag its success answers carry, and
     * its 412 and 428.
     */
    @Bean
    OperationCustomizer ifMatchHeader() {
        return (operation, handler) -> {
            boolean takesIfMatch = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(parameter -> parameter.getParameterType() == IfMatch.class);
            if (takesIfMatch) {
                operation.addParametersItem(new HeaderParameter()
                        .name("If-Match")
                        .required(true)
                        .description("De ETag van de versie die u wijzigt, zoals de GET hem gaf; * voor elke versie.")
                        .schema(new StringSchema().example("\"3\"")));
                operation.getResponses().forEach((status, response) -> {
                    if (status.startsWith("2")) {
                        response.addHeaderObject(
                                "ETag",
                                new Header()
                                        .description("De versie na deze wijziging: de If-Match van de volgende.")
                                        .schema(new StringSchema().example("\"4\"")));
                    }
                });
                operation
                        .getResponses()
                        .computeIfAbsent(
                                "412",
                                status -> problem(
                                        "Intussen gewijzigd: de If-Match noemt een oudere versie. Lees opnieuw."));
                operation.getResponses().computeIfAbsent("428", status -> problem("De If-Match-header ontbreekt."));
            }
            return operation;
        };
    }

    /**
     * A POST that writes takes an optional {@link IdempotencyKey} (IdempotencyFilter): the header, its replay marker
     * on the success answers, the 409 while the first request with the key runs and the 422 for another body.
     */
    @Bean
    OperationCustomizer idempotencyKeyHeader() {
        return (operation, handler) -> {
            RequestMapping mapping =
                    AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
            boolean covered = mapping != null
                    && Arrays.asList(mapping.method()).contains(RequestMethod.POST)
                    && Arrays.stream(mapping.path()).anyMatch(path -> IdempotencyKey.covers("POST", path));
            if (!covered) {
                return operation;
            }
            boolean declared = operation.getParameters() != null
                    && operation.getParameters().stream()
                            .anyMatch(parameter -> IdempotencyKey.HEADER.equalsIgnoreCase(parameter.getName()));
            if (!declared) {
                operation.addParametersItem(new HeaderParameter()
                        .name(IdempotencyKey.HEADER)
                        .required(false)
                        .description("Een sleutel van de client (1 tot 64 letters, cijfers, punten, streepjes,"
                                + " dubbele punten of underscores): hetzelfde verzoek met dezelfde sleutel wordt"
                                + " binnen 24 uur één keer uitgevoerd en krijgt daarna het eerste antwoord terug.")
                        .schema(new StringSchema()
                                .pattern("^[A-Za-z0-9._:-]{1,64}$")
                                .example("3f1c2a9e-7b1d")));
            }
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("2")) {
                    response.addHeaderObject(
                            IdempotencyKey.REPLAYED,
                            new Header()
                                    .description("true wanneer dit het bewaarde antwoord op een eerder verzoek met"
                                            + " dezelfde Idempotency-Key is")
                                    .schema(new StringSchema()._enum(List.of("true"))));
                }
            });
            operation
                    .getResponses()
                    .computeIfAbsent(
                            "409",
                            status -> problem("In strijd met de huidige toestand, of een verzoek met dezelfde"
                                    + " Idempotency-Key is nog bezig (probeer het na Retry-After opnieuw)."));
            operation
                    .getResponses()
                    .computeIfAbsent(
                            "422",
                            status -> problem(
                                    "Deze Idempotency-Key is al gebruikt voor een verzoek met een andere inhoud."));
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer nlApiDesignRules() {
        return openApi -> {
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.components(
                    components.addHeaders(VERSION_HEADER, versionHeader()).addSchemas(PROBLEM_SCHEMA, problemSchema()));
            Paths relative = new Paths();
            openApi.getPaths().forEach((path, item) -> {
                item.readOperationsMap().forEach((method, operation) -> declareResponses(method, operation));
                relative.addPathItem(path.startsWith(BASE + "/") ? path.substring(BASE.length()) : path, item);
            });
            openApi.paths(relative);
        };
    }

    private static void declareResponses(PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses();
        responses.forEach((status, response) -> {
            if (status.startsWith("2") || status.startsWith("3")) {
                response.addHeaderObject(VERSION_HEADER, new Header().$ref("#/components/headers/" + VERSION_HEADER));
            }
        });
        boolean takesInput = switch (method) {
            case POST, PUT, PATCH -> true;
            default ->
                operation.getParameters() != null && !operation.getParameters().isEmpty();
        };
        if (takesInput) {
            responses.computeIfAbsent("400", status -> problem("De invoer is ongeldig; invalidParams noemt elk veld."));
        }
        responses.computeIfAbsent("401", status -> problem("Geen geldig toegangstoken."));
        responses.computeIfAbsent("403", status -> problem("De rol of het werkgebied geeft geen toegang."));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .addHeaderObject(VERSION_HEADER, new Header().$ref("#/components/headers/" + VERSION_HEADER))
                .content(new Content()
                        .addMediaType(
                                PROBLEM,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
    }

    private static Header versionHeader() {
        return new Header()
                .description("De volledige versie van de API (semver), op elk antwoord.")
                .required(true)
                .schema(new StringSchema().example(ApiVersionFilter.VERSION));
    }

    /** RFC 9457 problem details, with the per-field errors of a 400. */
    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Schema<?> invalidParam = new ObjectSchema()
                .addProperty("name", new StringSchema().description("Het veld, bijvoorbeeld betrokkenen[0].bsn"))
                .addProperty("code", new StringSchema().description("Een code per soort fout"))
                .addProperty("reason", new StringSchema().description("Waarom, leesbaar in het Nederlands"));
        return new ObjectSchema()
                .description("Een fout als RFC 9457 problem details.")
                .required(List.of("status", "title", "detail"))
                .properties(Map.of(
                        "type",
                        new StringSchema().example("about:blank"),
                        "title",
                        new StringSchema(),
                        "status",
                        new IntegerSchema().format("int32"),
                        "detail",
                        new StringSchema(),
                        "instance",
                        new StringSchema(),
                        "invalidParams",
                        new ArraySchema().items(invalidParam)));
    }
}
