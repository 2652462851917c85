package nl.adreszicht.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI 3 document at {@code /api/v1/openapi.json}. */
@Configuration
class OpenApiConfiguration {

    @Bean
    OpenAPI adreszichtOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Adreszicht API")
                        .version(ApiVersionFilter.VERSION)
                        .description("Huiselijk geweld en kindermishandeling per adres in beeld. Alle endpoints"
                                + " vereisen een Keycloak-toegangstoken met audience adreszicht-api.")
                        .license(new License().name("EUPL-1.2")));
    }
}
